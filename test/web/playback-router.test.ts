import type { PlaybackState } from '../../lib/contract/events';
import { initialEngineState } from '../../lib/core/engine/engine-state';
import { createMemoryStores, type Stores } from '../../lib/store';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { playbackRouter } from '../../lib/web';
import { call, FakeSessions, problemOf, silentLog, startApp, type RunningApp } from './web-kit';

const ALICE = { 'x-session-id': 'sess-alice' };

const STATE: PlaybackState = {
  isPlaying: true,
  track: null,
  playingType: 'track',
  position: 1000,
  duration: 200_000,
  device: 'Kitchen',
  deviceId: 'dev-1',
  shuffleState: false,
  repeatState: 'off',
  volume: 40,
  contextUri: null,
};

const ITEM = {
  type: 'track',
  uri: 'spotify:track:next',
  id: 'next',
  name: 'Next',
  artists: [{ name: 'A', uri: null }],
  album: { name: 'B', uri: null, imageUrl: null },
  durationMs: 1000,
  explicit: false,
  isLocal: false,
} as const;

describe('GET /api/playback, /api/queue, /api/me', () => {
  let stores: Stores;
  let clock: VirtualClock;
  let app: RunningApp;
  let nudges: string[];
  let unsubscribe: () => Promise<void>;

  beforeEach(async () => {
    stores = createMemoryStores();
    clock = new VirtualClock();
    nudges = [];
    unsubscribe = await stores.bus.subscribe((userId) => nudges.push(userId));
    const sessions = new FakeSessions({ 'sess-alice': 'alice' });
    app = await startApp(
      playbackRouter({ sessions, stores, clock, log: silentLog }, { activeForMs: 45_000 }),
    );
  });

  afterEach(async () => {
    await app.close();
    await unsubscribe();
    await stores.close();
  });

  const get = (path: string, headers: Record<string, string> = ALICE) =>
    call(`${app.url}${path}`, { headers });
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it.each(['/api/playback', '/api/queue', '/api/me'])('%s needs a session', async (path) => {
    const answer = await get(path, {});
    expect(answer.status).toBe(401);
    expect(problemOf(answer).code).toBe('unauthenticated');
    expect(await stores.activeUsers.active(clock.now())).toEqual([]);
  });

  it.each(['/api/playback', '/api/queue', '/api/me'])('%s answers only GET', async (path) => {
    const answer = await call(`${app.url}${path}`, { method: 'DELETE', headers: ALICE });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
  });

  it('before any state: null, a nudge, and the listener is active', async () => {
    const answer = await get('/api/playback');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ playbackState: null });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    await settle();
    expect(nudges).toEqual(['alice']);
    expect(await stores.activeUsers.active(clock.now() + 44_999)).toEqual(['alice']);
    expect(await stores.activeUsers.active(clock.now() + 45_000)).toEqual([]);
  });

  it('the latest published state and the id of the newest event; no nudge', async () => {
    await stores.playbackStates.set('alice', STATE);
    const id = await stores.eventStreams.append(
      'alice',
      {
        event: 'volumeChanged',
        data: { volume: 40, device: 'Kitchen', deviceId: 'dev-1', source: 'user', timestamp: 1 },
      },
      clock.now(),
    );
    await stores.playbackStates.set('bob', { ...STATE, volume: 99 });
    const answer = await get('/api/playback');
    expect(answer.body).toEqual({ playbackState: STATE, lastEventId: id });
    await settle();
    expect(nudges).toEqual([]);
  });

  it('the queue the worker last observed', async () => {
    await stores.latestState.set('alice', {
      ...initialEngineState(),
      queue: { observedAt: 123, currentUri: 'spotify:track:now', items: [ITEM] },
    });
    const answer = await get('/api/queue');
    expect(answer.body).toEqual({
      queue: { currentUri: 'spotify:track:now', items: [ITEM], totalItems: 1, observedAt: 123 },
    });
    await settle();
    expect(nudges).toEqual([]);
  });

  it('no queue observed yet: null, a nudge, and the listener is active', async () => {
    await stores.latestState.set('alice', initialEngineState());
    const answer = await get('/api/queue');
    expect(answer.body).toEqual({ queue: null });
    await settle();
    expect(nudges).toEqual(['alice']);
    expect(await stores.activeUsers.active(clock.now())).toEqual(['alice']);
  });

  it('/api/me names the session user', async () => {
    expect((await get('/api/me')).body).toEqual({ userId: 'alice' });
  });
});
