import { Redis } from 'ioredis';
import { createRedisStores, type Stores } from '../../lib/store';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';
import { workerWorld, type WorkerWorld } from './worker-kit';

// Real time (Redis round trips cannot run in virtual time), so the window is short: 60 requests per 2 s.
const WINDOW_MS = 2000;
const BUDGET = 60;

/** The most requests the simulator saw in any rolling window, from its per-request log of times. */
function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('worker scale-out (two workers, real Redis, real time with short windows)', () => {
  let env: WorkerWorld;
  let connections: Redis[];
  let opened: Stores[];
  let prefix: string;
  let requestTimes: number[];

  const redisStores = (): Stores => {
    const redis = new Redis(testRedisUrl());
    connections.push(redis);
    const stores = createRedisStores(redis, { prefix });
    opened.push(stores);
    return stores;
  };

  beforeEach(() => {
    connections = [];
    opened = [];
    prefix = uniquePrefix('worker');
    env = workerWorld({ rateLimit: { limit: BUDGET, windowMs: WINDOW_MS } }, redisStores(), 'real');
    requestTimes = [];
    const request = env.world.request.bind(env.world);
    env.world.request = (input) => {
      if (input.path.startsWith('/v1/')) requestTimes.push(env.clock.now());
      return request(input);
    };
  });

  afterEach(async () => {
    await env.close();
    // Each store set holds a pub/sub connection of its own; the workers' sets outlive the shared one.
    for (const stores of opened) await stores.close();
    await deleteKeys(connections[0]!, prefix);
    for (const redis of connections) redis.disconnect();
  });

  async function addListeners(count: number): Promise<string[]> {
    for (let i = 0; i < count; i++)
      env.listeners.push(env.world.addListener({ initial: 'playing', actor: true }));
    const ids = env.listeners.map((listener) => listener.id);
    await env.activate(...ids);
    return ids;
  }

  const base = { budgetPerWindow: BUDGET, windowMs: WINDOW_MS };

  it('200 users, demand above the budget: never more than the budget in any window, no 429, everyone polled', async () => {
    const users = await addListeners(200);
    await env.startWorker('w1', { schedulerBase: base, requestSkewMarginMs: 100 }, redisStores());
    await env.startWorker('w2', { schedulerBase: base, requestSkewMarginMs: 100 }, redisStores());
    await env.wait(12_000);

    const counts = env.world.countsSnapshot();
    expect(counts.rateLimited).toEqual([]);
    expect(maxInAnyWindow(requestTimes, WINDOW_MS)).toBeLessThanOrEqual(BUDGET);
    expect(requestTimes.length).toBeGreaterThan(BUDGET * 3);
    for (const userId of users) {
      expect(counts.byListener[userId]?.['GET /v1/me/player'] ?? 0).toBeGreaterThanOrEqual(1);
    }
  });

  it("a killed worker's users are polled by the other within the lease TTL, diffing from the stored state", async () => {
    const users = await addListeners(20);
    for (const listener of env.listeners) env.world.setActor(listener.id, false);
    const doomed = await env.startKillableWorker('w1', { leaseTtlMs: 1500 });
    const survivor = await env.startWorker('w2', { leaseTtlMs: 1500 }, redisStores());
    await env.wait(3000);
    const orphans = doomed.worker.ownedUsers();
    expect(orphans.length).toBeGreaterThan(0);
    expect(survivor.ownedUsers().length + orphans.length).toBe(users.length);

    doomed.kill();
    const killedAt = env.clock.now();
    const victim = orphans[0]!;
    const before = env.eventsOf(victim).length;
    env.world.act(victim, { kind: 'pause' });
    await env.wait(3500);

    expect(survivor.ownedUsers()).toEqual([...users].sort());
    const pauses = env
      .eventsOf(victim)
      .slice(before)
      .filter((event) => event.event === 'playbackStateChanged' && event.data.isPlaying === false);
    expect(pauses).toHaveLength(1);
    // Within the lease TTL (leases are held one membership interval short of it), then the first poll.
    expect(pauses[0]!.data.timestamp - killedAt).toBeLessThanOrEqual(1500 + 1000);
  });
});
