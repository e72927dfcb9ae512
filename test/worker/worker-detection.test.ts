import type { MusicEvent } from '../../lib/contract/events';
import type { AppAction } from '../../lib/simulator';
import { workerWorld, type WorkerWorld } from './worker-kit';

describe('worker: every change made in the Spotify app is detected and attributed', () => {
  let env: WorkerWorld;
  let userId: string;

  beforeEach(async () => {
    env = workerWorld();
    const listener = env.world.addListener({ initial: 'playing', actor: false });
    env.listeners.push(listener);
    userId = listener.id;
    await env.activate(userId);
    await env.startWorker('w1');
    // The baselines: the player at once, the queue its least gap (5 s) later.
    await env.wait(10_000);
  });

  afterEach(async () => {
    await env.close();
  });

  /** Does `action` in the app, waits, and returns the events published since. */
  async function act(action: AppAction, waitMs = 45_000): Promise<MusicEvent[]> {
    const before = env.eventsOf(userId).length;
    expect(env.world.act(userId, action)).toBe(true);
    await env.wait(waitMs);
    return env.eventsOf(userId).slice(before);
  }

  const userEvent = (events: MusicEvent[], name: MusicEvent['event']) =>
    events.find((event) => event.event === name && event.data.source === 'user');

  it('publishes nothing for the baseline', () => {
    expect(env.eventsOf(userId).filter((event) => event.event !== 'statusChanged')).toEqual([]);
  });

  it('pause and resume', async () => {
    expect(userEvent(await act({ kind: 'pause' }), 'playbackStateChanged')?.data).toMatchObject({
      isPlaying: false,
    });
    expect(userEvent(await act({ kind: 'resume' }), 'playbackStateChanged')?.data).toMatchObject({
      isPlaying: true,
    });
  });

  it('a skip is a user trackChanged', async () => {
    const events = await act({ kind: 'skip' });
    expect(userEvent(events, 'trackChanged')).toBeDefined();
  });

  it('a volume drag is one volumeChanged with the final value', async () => {
    const before = env.eventsOf(userId).length;
    env.world.act(userId, { kind: 'volume', volume: 40 });
    await env.wait(300);
    env.world.act(userId, { kind: 'volume', volume: 30 });
    await env.wait(45_000);
    const volumes = env
      .eventsOf(userId)
      .slice(before)
      .filter((event) => event.event === 'volumeChanged');
    expect(volumes.map((event) => event.data)).toEqual([
      expect.objectContaining({ volume: 30, source: 'user' }),
    ]);
  });

  it('a device switch', async () => {
    const events = await act({ kind: 'device' });
    expect(userEvent(events, 'deviceChanged')).toBeDefined();
  });

  it('a queue add, seen on the queue endpoint (its slow timer, since nothing else is owed)', async () => {
    // From the top of the track, so the item is still queued when the slow timer comes round.
    await act({ kind: 'seek', positionMs: 0 }, 1000);
    const events = await act({ kind: 'queue_add' }, 130_000);
    expect(events.find((event) => event.event === 'queueUpdated')?.data).toMatchObject({
      action: 'added',
      source: 'user',
    });
  });

  it('stopping (no device) and starting again', async () => {
    expect(userEvent(await act({ kind: 'stop' }), 'playbackStateChanged')?.data).toMatchObject({
      isPlaying: false,
      device: null,
    });
    expect(userEvent(await act({ kind: 'start' }), 'deviceChanged')).toBeDefined();
  });

  it('a track ending on its own is auto, within half a second', async () => {
    const state = env.world.trueState(userId);
    const playing = state.playing;
    const duration = playing.kind === 'item' ? playing.item.durationMs : playing.durationMs;
    const remaining = duration - (state.positionMs + (env.clock.now() - state.anchorAt));
    const endsAt = env.clock.now() + remaining;
    const before = env.eventsOf(userId).length;
    await env.wait(remaining + 5000);
    const change = env
      .eventsOf(userId)
      .slice(before)
      .find((event) => event.event === 'trackChanged');
    expect(change?.data.source).toBe('auto');
    expect(change!.data.timestamp - endsAt).toBeLessThanOrEqual(500);
  });

  it('an AI command: hint → nudge → trackChanged with source ai and its reasoning', async () => {
    const uri = env.world.catalog.tracks[3]!.uri;
    await env.hints.recordHint(userId, {
      source: 'ai',
      intent: 'play_specific_song',
      expect: { trackUri: uri },
      reasoning: 'something calm',
      isAIDiscovery: true,
      ttlMs: 10_000,
    });
    const commandAt = env.clock.now();
    const response = env.world.request({
      method: 'PUT',
      path: '/v1/me/player/play',
      authorization: `Bearer ${env.listeners[0]!.accessToken}`,
      body: { uris: [uri] },
    });
    expect(response.status).toBeLessThan(300);
    const before = env.eventsOf(userId).length;
    await env.wait(3000);
    const change = env
      .eventsOf(userId)
      .slice(before)
      .find((event) => event.event === 'trackChanged');
    expect(change?.data).toMatchObject({
      source: 'ai',
      reasoning: 'something calm',
      isAIDiscovery: true,
      current: expect.objectContaining({ uri }),
    });
    expect(change!.data.timestamp - commandAt).toBeLessThanOrEqual(500);
  });
});
