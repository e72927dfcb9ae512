import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '../../lib/config';
import { SimWorld, startSimulatorServer, type RunningSimulator } from '../../lib/simulator';
import { createRedisStores, STREAM_START_ID, type Stores } from '../../lib/store';
import { systemClock } from '../../lib/time/system-clock';
import { TokenCipher, TokenManager } from '../../lib/tokens';
import { startWorkerProcess, workerConfigProblem, type RunningWorker } from '../../lib/worker/worker-process';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';
import { silentLogger } from './worker-kit';

describe('the worker process (HTTP simulator, real Redis, real time)', () => {
  let simulator: RunningSimulator;
  let world: SimWorld;
  let redis: Redis;
  let stores: Stores;
  let prefix: string;
  let running: RunningWorker | null = null;

  beforeEach(async () => {
    world = new SimWorld(systemClock, { seed: 3, consistency: { minMs: 0, maxMs: 0 } });
    simulator = await startSimulatorServer(world, { port: 0 });
    prefix = uniquePrefix('process');
    redis = new Redis(testRedisUrl());
    stores = createRedisStores(redis, { prefix });
  });

  afterEach(async () => {
    await running?.stop();
    running = null;
    await stores.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await simulator.close();
  });

  const env = (extra: Record<string, string> = {}) => ({
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    SPOTIFY_API_URL: simulator.apiUrl,
    SPOTIFY_ACCOUNTS_URL: simulator.accountsUrl,
    SPOTIFY_CLIENT_ID: world.clientId,
    SPOTIFY_CLIENT_SECRET: world.clientSecret,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: 'test-session-secret',
    WORKER_PORT: '0',
    WORKER_ID: 'process-test',
    LEASE_TTL_MS: '1500',
    ...extra,
  });

  it('refuses to start without Redis, saying so', () => {
    const config = loadConfig({ ...env(), REDIS_URL: '' });
    expect(workerConfigProblem(config)).toMatch(/^REDIS_URL is required/);
  });

  it('polls a signed-in active listener, serves /health and /metrics, and stops cleanly (twice)', async () => {
    const settings = env();
    const config = loadConfig(settings);
    const listener = world.addListener({ initial: 'playing', actor: false });
    const signIn = new TokenManager({
      tokens: stores.tokens,
      refreshLocks: stores.refreshLocks,
      accounts: { refresh: () => Promise.reject(new Error('not used')) },
      cipher: new TokenCipher(settings.TOKEN_ENCRYPTION_KEY),
      clock: systemClock,
      ownerId: 'test',
    });
    await signIn.signIn(listener.id, {
      accessToken: listener.accessToken,
      refreshToken: listener.refreshToken,
      expiresIn: 3600,
      scope: null,
      receivedAt: systemClock.now(),
    });
    await stores.activeUsers.touch(listener.id, systemClock.now() + 60_000);

    running = await startWorkerProcess(config, silentLogger);
    await systemClock.sleep(1500);
    world.act(listener.id, { kind: 'pause' });
    await systemClock.sleep(2500);

    const { events } = await stores.eventStreams.readAfter(listener.id, STREAM_START_ID, 50);
    expect(events.map((entry) => entry.event)).toContainEqual(
      expect.objectContaining({
        event: 'playbackStateChanged',
        data: expect.objectContaining({ isPlaying: false }),
      }),
    );

    const base = `http://127.0.0.1:${running.http.port}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      redis: 'up',
      usersOwned: 1,
      workerId: 'process-test',
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/spotify_polls_total\{endpoint="player",outcome="ok"\} [1-9]/);
    expect(metrics).toContain('events_published_total');
    expect(metrics).toContain('process_cpu_user_seconds_total');

    const stopped = running.stop();
    expect(running.stop()).toBe(stopped);
    await stopped;
    expect(await stores.leases.leaseOwner(listener.id, systemClock.now())).toBeNull();
    expect(await stores.workers.liveWorkers(systemClock.now())).toEqual([]);
  });
});
