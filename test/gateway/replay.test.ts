import { NO_PLAYBACK_STATE, type PlaybackState } from '../../lib/contract/events';
import type { MusicClient } from '../../lib/client';
import {
  connected,
  GatewayTestbed,
  metricValue,
  received,
  volumeEvent,
  waitFor,
  type GatewayProcess,
} from './gateway-kit';

const volumes = (events: { event: string; data: unknown }[]) =>
  events.map((event) =>
    event.event === 'volumeChanged' ? (event.data as { volume: number }).volume : event.event,
  );

/** Disconnects the client, and resolves once the gateway has let go of its socket. */
async function dropped(client: MusicClient, gateway: GatewayProcess): Promise<void> {
  client.socket.disconnect();
  await waitFor(() => gateway.gateway.subscriptionCount() === 0, 'the socket gone');
}

describe('missed events: replay after lastEventId, or a resync past the buffer (real Redis)', () => {
  let bed: GatewayTestbed;
  let gateway: GatewayProcess;

  afterEach(async () => {
    await bed.dispose();
  });

  it('replays what a reconnecting client missed, once and in order, then carries on live', async () => {
    bed = new GatewayTestbed();
    gateway = await bed.startGateway();
    // Subscribes on every connect, with the lastEventId it has reached.
    const client = bed.client(gateway.url, { sessionId: await bed.signIn('u1') });
    const events = received(client);
    await waitFor(() => gateway.gateway.subscriptionCount() === 1, 'the subscription');
    await bed.publish('u1', volumeEvent(1), volumeEvent(2));
    await waitFor(() => events.length === 2, 'the live events');

    await dropped(client, gateway);
    await bed.publish('u1', volumeEvent(3), volumeEvent(4), volumeEvent(5));
    await bed.publish('u2', volumeEvent(99));
    client.socket.connect();
    await connected(client);
    await waitFor(() => events.length === 5, 'the missed events');
    await bed.publish('u1', volumeEvent(6));
    await waitFor(() => events.length === 6, 'the next live event');

    expect(volumes(events)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(events.map((event) => event.data.eventId)).size).toBe(6);
    await expect(metricValue(gateway.metrics, 'music_ws_replayed_events_total')).resolves.toBe(3);
    await waitFor(async () => (await gateway.sockets.eventCounts()).replayed === 3, 'the seed stats');
  });

  it('acknowledges how many it replayed to a client that gives its lastEventId itself', async () => {
    bed = new GatewayTestbed();
    gateway = await bed.startGateway();
    await bed.publish('u1', volumeEvent(1), volumeEvent(2), volumeEvent(3));
    const lastSeen = (await bed.stores.eventStreams.readAfter('u1', '0-0', 10)).events[0]!.id;
    const sessionId = await bed.signIn('u1');
    const client = bed.client(gateway.url, { sessionId, lastEventId: lastSeen, autoSubscribe: false });
    const events = received(client);
    await connected(client);
    await expect(client.subscribe()).resolves.toEqual({ status: 'subscribed', replayed: 2 });
    expect(volumes(events)).toEqual([2, 3]);
  });

  it('sends one resync with the latest state when the gap is past the buffer', async () => {
    bed = new GatewayTestbed(5);
    gateway = await bed.startGateway();
    const client = await bed.subscribedClient(gateway.url, 'u1');
    const events = received(client);
    await bed.publish('u1', volumeEvent(1));
    await waitFor(() => events.length === 1, 'the live event');

    await dropped(client, gateway);
    // MAXLEN ~ trims whole nodes of 100 entries: well past them, the event after the client's is gone.
    for (let batch = 0; batch < 5; batch++) {
      await bed.publish('u1', ...Array.from({ length: 60 }, (_, i) => volumeEvent(10 + batch * 60 + i)));
    }
    const state: PlaybackState = {
      ...NO_PLAYBACK_STATE,
      shuffleState: true,
      repeatState: 'context',
      volume: 42,
    };
    await bed.stores.playbackStates.set('u1', state);
    const acks: unknown[] = [];
    client.socket.connect();
    await connected(client);
    acks.push(await client.subscribe());
    const newest = await bed.stores.eventStreams.lastId('u1');

    expect(acks).toEqual([{ status: 'subscribed', resync: true }]);
    await waitFor(() => events.length === 2, 'the resync');
    expect(events[1]).toEqual({
      event: 'playbackStateChanged',
      data: { ...state, eventId: newest, source: 'auto', timestamp: expect.any(Number), resync: true },
    });
    await bed.publish('u1', volumeEvent(1000));
    await waitFor(() => events.length === 3, 'the next live event');
    expect(volumes(events.slice(2))).toEqual([1000]);
    await expect(metricValue(gateway.metrics, 'music_ws_resyncs_total')).resolves.toBe(1);
  });

  it('asks the worker to poll when a resync is due but no state is stored yet', async () => {
    bed = new GatewayTestbed();
    gateway = await bed.startGateway();
    const nudged: string[] = [];
    const stop = await bed.stores.bus.subscribe((userId) => nudged.push(userId));
    try {
      const sessionId = await bed.signIn('u1');
      // An id the (empty) stream cannot account for: it expired since.
      const client = bed.client(gateway.url, {
        sessionId,
        lastEventId: '1700000000000-0',
        autoSubscribe: false,
      });
      const events = received(client);
      await connected(client);
      await expect(client.subscribe()).resolves.toEqual({ status: 'subscribed', resync: true });
      await waitFor(() => nudged.includes('u1'), 'the nudge');
      expect(events).toEqual([]);
    } finally {
      await stop();
    }
  });
});
