import type { PlaybackState } from '../../lib/contract/events';
import type { MusicErrorAck } from '../../lib/contract/protocol';
import { systemClock } from '../../lib/time/system-clock';
import { connected, GatewayTestbed, metricValue, waitFor, type GatewayProcess } from './gateway-kit';

const STATE: PlaybackState = {
  isPlaying: true,
  track: null,
  playingType: 'track',
  position: 1000,
  duration: 200_000,
  device: 'Phone',
  deviceId: 'phone-1',
  shuffleState: false,
  repeatState: 'off',
  volume: 50,
  contextUri: null,
};

describe('gateway calls: subscribe, unsubscribe, sync, and what is refused (real Redis)', () => {
  let bed: GatewayTestbed;
  let gateway: GatewayProcess;

  beforeEach(async () => {
    bed = new GatewayTestbed();
    gateway = await bed.startGateway({ callsPerMinute: 10, heartbeatIntervalMs: 100 });
  });

  afterEach(async () => {
    await bed.dispose();
  });

  it('limits a flood of calls per user across gateways; the sockets stay up and others are not limited', async () => {
    const other = await bed.startGateway({ callsPerMinute: 10 });
    const here = await bed.subscribedClient(gateway.url, 'u1');
    const there = await bed.subscribedClient(other.url, 'u1');
    const bystander = await bed.subscribedClient(gateway.url, 'u2');
    // Two subscribes so far; twelve more calls, half on each gateway.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? here : there).requestPlaybackSync()),
    );
    const refused = answers.filter((answer): answer is MusicErrorAck => 'status' in answer);
    expect(answers.length - refused.length).toBe(8);
    expect(refused).toHaveLength(4);
    for (const answer of refused) {
      expect(answer.code).toBe('rate_limited');
      expect(answer.message).toMatch(
        /^Too many calls: at most 10 a minute per listener; try again in \d+ s\.$/,
      );
    }
    expect(here.state.status).toBe('connected');
    expect(there.state.status).toBe('connected');
    await expect(bystander.requestPlaybackSync()).resolves.toEqual({ playbackState: null });
    const limited = async (target: GatewayProcess) =>
      metricValue(target.metrics, 'music_ws_refused_calls_total', {
        call: 'requestPlaybackSync',
        code: 'rate_limited',
      });
    expect((await limited(gateway)) + (await limited(other))).toBe(4);
  });

  it('answers malformed and unknown calls with bad_request, and survives a call without an acknowledgement', async () => {
    const client = await bed.subscribedClient(gateway.url, 'u1');
    const raw = client.socket as unknown as {
      emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
      emit(event: string, ...args: unknown[]): void;
    };
    await expect(raw.emitWithAck('requestPlaybackSync', { please: true })).resolves.toEqual({
      status: 'error',
      code: 'bad_request',
      message: 'requestPlaybackSync takes an acknowledgement callback and no other arguments.',
    });
    await expect(raw.emitWithAck('dropTheBass')).resolves.toEqual({
      status: 'error',
      code: 'bad_request',
      message:
        'Unknown call "dropTheBass"; the calls are subscribeToPlayback, unsubscribeFromPlayback, requestPlaybackSync.',
    });
    raw.emit('subscribeToPlayback');
    await expect(client.requestPlaybackSync()).resolves.toEqual({ playbackState: null });
    await expect(
      metricValue(gateway.metrics, 'music_ws_refused_calls_total', { call: 'unknown', code: 'bad_request' }),
    ).resolves.toBe(1);
  });

  it('syncs the stored state, or answers null and asks the worker to poll the user, now active', async () => {
    const nudged: string[] = [];
    const stop = await bed.stores.bus.subscribe((userId) => nudged.push(userId));
    try {
      const client = await bed.subscribedClient(gateway.url, 'u1');
      await client.unsubscribe();
      await bed.stores.activeUsers.remove('u1');
      await expect(client.requestPlaybackSync()).resolves.toEqual({ playbackState: null });
      await waitFor(() => nudged.includes('u1'), 'the nudge');
      await expect(bed.stores.activeUsers.active(systemClock.now())).resolves.toContain('u1');

      await bed.stores.playbackStates.set('u1', STATE);
      await expect(client.requestPlaybackSync()).resolves.toEqual({ playbackState: STATE });
    } finally {
      await stop();
    }
  });

  it('keeps a subscribed user active with its heartbeat, and stops when the last socket unsubscribes', async () => {
    const first = await bed.subscribedClient(gateway.url, 'u1');
    const second = await bed.subscribedClient(gateway.url, 'u1');
    expect(gateway.gateway.subscriptionCount()).toBe(2);
    await expect(metricValue(gateway.metrics, 'music_ws_subscriptions')).resolves.toBe(2);
    // Past the active entry's first lapse (one heartbeat TTL): only heartbeats can have kept it.
    const later = systemClock.now() + 300;
    await waitFor(async () => systemClock.now() > later + 50, 'time to pass', 2000);
    await expect(bed.stores.activeUsers.active(later)).resolves.toContain('u1');

    await expect(first.unsubscribe()).resolves.toBeUndefined();
    await expect(second.socket.emitWithAck('unsubscribeFromPlayback')).resolves.toEqual({
      status: 'unsubscribed',
    });
    await expect(second.socket.emitWithAck('unsubscribeFromPlayback')).resolves.toEqual({
      status: 'unsubscribed',
    });
    expect(gateway.gateway.subscriptionCount()).toBe(0);
    const afterLastBeat = systemClock.now() + 300 + 100;
    await waitFor(async () => systemClock.now() > afterLastBeat, 'the entry to lapse', 2000);
    await expect(bed.stores.activeUsers.active(systemClock.now())).resolves.not.toContain('u1');
  });

  it('answers a second subscribe on the same socket without replaying again', async () => {
    const sid = await bed.signIn('u1');
    const client = bed.client(gateway.url, { sessionId: sid, autoSubscribe: false });
    await connected(client);
    await expect(client.subscribe()).resolves.toEqual({ status: 'subscribed', replayed: 0 });
    await expect(client.subscribe()).resolves.toEqual({ status: 'subscribed', replayed: 0 });
    expect(gateway.gateway.subscriptionCount()).toBe(1);
  });
});
