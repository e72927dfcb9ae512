import { Redis } from 'ioredis';
import type { MusicEvent } from '../../lib/contract/events';
import type { Hint } from '../../lib/core/hint';
import { startSimulatorServer, type RunningSimulator } from '../../lib/simulator';
import { SpotifyApiClient } from '../../lib/spotify';
import { createMemoryStores, createRedisStores, type Stores } from '../../lib/store';
import { systemClock } from '../../lib/time/system-clock';
import { controlRouter, devicesRouter, playbackRouter, type DeviceView } from '../../lib/web';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';
import { simulatorTokens, workerWorld, type WorkerWorld } from '../worker/worker-kit';
import { call, FakeSessions, silentLog, startApp, type RunningApp } from './web-kit';

/** Long enough for a nudged poll and a fast-follow; far shorter than the worker's cadence below. */
const WAIT_MS = 5000;
/** No cadence poll within a test: only the press's hint and nudges can bring the event in time. */
const SLOW = 300_000;

async function waitFor<T>(what: string, find: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = systemClock.now() + WAIT_MS;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (systemClock.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS} ms`);
    await systemClock.sleep(20);
  }
}

describe.each(['memory', 'redis'] as const)(
  'a control-route press → the simulator changes → the event arrives with source user (%s stores)',
  (backend) => {
    let env: WorkerWorld;
    let simulator: RunningSimulator;
    let app: RunningApp;
    let redis: Redis | null;
    let prefix: string;
    let userId: string;
    let consumed: string[][];
    let recorded: Promise<Hint>[];

    beforeEach(async () => {
      redis = backend === 'redis' ? new Redis(testRedisUrl()) : null;
      prefix = uniquePrefix('test-web');
      const stores: Stores = redis ? createRedisStores(redis, { prefix }) : createMemoryStores();
      // Spotify shows an API command after 150 ms, as it does after a while: the first nudged poll may miss it.
      env = workerWorld({ consistency: { minMs: 150, maxMs: 150 } }, stores, 'real');
      const listener = env.world.addListener({ initial: 'playing', actor: false });
      env.listeners.push(listener);
      userId = listener.id;
      simulator = await startSimulatorServer(env.world);
      const spotify = new SpotifyApiClient({ apiUrl: simulator.apiUrl, clock: env.clock });
      const deps = {
        sessions: new FakeSessions({ 'sess-1': userId }),
        spotify,
        tokens: simulatorTokens(
          () => env.listeners,
          () => env.world,
        ),
        hints: env.hints,
        stores: env.stores,
        clock: env.clock,
        log: silentLog,
      };
      app = await startApp(controlRouter(deps), devicesRouter(deps), playbackRouter(deps));
      consumed = [];
      recorded = [];
      const consume = env.stores.hints.consume.bind(env.stores.hints);
      jest.spyOn(env.stores.hints, 'consume').mockImplementation(async (user, ids) => {
        consumed.push([...ids]);
        return consume(user, ids);
      });
      const recordHint = env.hints.recordHint.bind(env.hints);
      jest.spyOn(env.hints, 'recordHint').mockImplementation((user, input) => {
        const hint = recordHint(user, input);
        recorded.push(hint);
        return hint;
      });
      await env.activate(userId);
      await env.startWorker('w1', {
        schedulerBase: {
          playingMinIntervalMs: SLOW,
          playingMaxIntervalMs: SLOW,
          pausedMinIntervalMs: SLOW,
          pausedMaxIntervalMs: SLOW,
          queueSlowIntervalMs: SLOW,
        },
      });
      // The first observation is the baseline: a press before it would emit nothing.
      await waitFor('the baseline poll', async () => {
        const state = (await env.stores.latestState.get(userId)) as { player: unknown } | null;
        return state?.player ? true : undefined;
      });
    });

    afterEach(async () => {
      jest.restoreAllMocks();
      await app.close();
      await simulator.close();
      await env.close();
      if (redis) {
        await deleteKeys(redis, prefix);
        await redis.quit();
      }
    });

    const press = (action: string, json: unknown = {}) =>
      call(`${app.url}/api/control/${action}`, {
        method: 'POST',
        headers: { 'x-session-id': 'sess-1' },
        json,
      });

    /** The first event after `from` that `match` accepts. */
    const eventAfter = (from: number, match: (event: MusicEvent) => boolean) =>
      waitFor('the event', () => env.eventsOf(userId).slice(from).find(match));

    /** The hint the press recorded was the one the worker's poll consumed. */
    async function expectPressHintConsumed(): Promise<void> {
      expect(recorded).toHaveLength(1);
      const hint = await recorded[0]!;
      expect(hint).toMatchObject({ source: 'user' });
      expect(consumed.flat()).toContain(hint.id);
    }

    it('pause', async () => {
      const from = env.eventsOf(userId).length;
      const answer = await press('pause');
      expect(answer).toMatchObject({ status: 200, body: { ok: true } });
      expect(env.world.truthSince(0, userId)).toContainEqual(
        expect.objectContaining({ kind: 'pause', cause: 'api' }),
      );
      const event = await eventAfter(
        from,
        (candidate) => candidate.event === 'playbackStateChanged' && candidate.data.isPlaying === false,
      );
      expect(event.data.source).toBe('user');
      await expectPressHintConsumed();
      // The HTTP fallback answers with the state the event carried.
      const sync = await call(`${app.url}/api/playback`, { headers: { 'x-session-id': 'sess-1' } });
      expect(sync.body).toMatchObject({
        playbackState: { isPlaying: false },
        lastEventId: expect.any(String),
      });
    });

    it('transfer to a device from GET /api/devices', async () => {
      const listed = await call(`${app.url}/api/devices`, { headers: { 'x-session-id': 'sess-1' } });
      expect(listed.status).toBe(200);
      const { devices } = listed.body as { devices: DeviceView[] };
      expect(devices.filter((device) => device.isActive)).toHaveLength(1);
      const target = devices.find((device) => !device.isActive);
      expect(target?.id).toEqual(expect.any(String));
      const from = env.eventsOf(userId).length;
      const answer = await press('transfer', { deviceId: target!.id });
      expect(answer).toMatchObject({ status: 200, body: { ok: true } });
      const event = await eventAfter(from, (candidate) => candidate.event === 'deviceChanged');
      expect(event.data).toMatchObject({
        source: 'user',
        currentDeviceId: target!.id,
        currentDevice: target!.name,
      });
      await expectPressHintConsumed();
    });
  },
);
