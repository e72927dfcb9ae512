import { Registry } from 'prom-client';
import { Publisher, MemorySink } from '../../lib/publish';
import { SeededRandom } from '../../lib/random/random';
import { InProcessPlaybackReader, SimWorld } from '../../lib/simulator';
import { createMemoryStores, type Stores } from '../../lib/store';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { Worker } from '../../lib/worker/worker';
import type { WorkerOptions } from '../../lib/worker/worker-options';
import { silentLogger } from './worker-kit';

/** One worker over many simulated listeners in virtual time, with its metrics at hand. */
async function crowd(
  listeners: number,
  options: Partial<WorkerOptions>,
): Promise<{
  clock: VirtualClock;
  world: SimWorld;
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}> {
  const clock = new VirtualClock();
  const world = new SimWorld(clock, {
    seed: 7,
    consistency: { minMs: 0, maxMs: 0 },
    rateLimit: { limit: 10_000, windowMs: 30_000 },
  });
  const stores: Stores = createMemoryStores();
  const tokens = new Map<string, string>();
  for (let i = 0; i < listeners; i++) {
    const { id, accessToken } = world.addListener({ initial: 'playing' });
    tokens.set(id, accessToken);
    await stores.activeUsers.touch(id, clock.now() + 3_600_000);
  }
  const registry = new Registry();
  const publisher = new Publisher(
    { stores, sink: new MemorySink(), clock, registry: new Registry(), log: silentLogger },
    { eventsPerMinute: 10_000 },
  );
  const worker = new Worker(
    {
      stores,
      spotify: new InProcessPlaybackReader(world, clock),
      tokens: {
        accessToken: async (userId) => tokens.get(userId) as string,
        afterUnauthorized: async (userId) => tokens.get(userId) as string,
      },
      publisher,
      clock,
      random: new SeededRandom('crowd'),
      logger: silentLogger,
      registry,
    },
    { workerId: 'w1', ...options },
  );
  await worker.start();
  return {
    clock,
    world,
    async metric(name, labels = {}) {
      const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
      return (metric?.values ?? [])
        .filter((value) => Object.entries(labels).every(([key, v]) => value.labels[key] === v))
        .reduce((sum, value) => sum + value.value, 0);
    },
    async close() {
      const closing = worker.close();
      await clock.advance(10_000);
      await closing;
      await publisher.close();
      await stores.close();
    },
  };
}

const playerPolls = (world: SimWorld) => world.countsSnapshot().byEndpoint['GET /v1/me/player'] ?? 0;

describe('worker at scale (virtual time)', () => {
  it('recomputes the allocation on its timer and as users are polled, never per poll', async () => {
    const env = await crowd(200, { schedulerBase: { budgetPerWindow: 400 } });
    await env.clock.advance(120_000);
    const allocations = await env.metric('worker_allocations_total');
    const polls = playerPolls(env.world);
    await env.close();

    expect(polls).toBeGreaterThan(800);
    // At most one per second (allocationRefreshMs), and then only once a fifth of the users were polled.
    expect(allocations).toBeLessThanOrEqual(121);
    expect(allocations).toBeLessThanOrEqual(polls / 20);
  });

  it('with allocationRefreshFraction 0, recomputes it every allocationRefreshMs while polling', async () => {
    const env = await crowd(200, { schedulerBase: { budgetPerWindow: 400 }, allocationRefreshFraction: 0 });
    await env.clock.advance(120_000);
    const allocations = await env.metric('worker_allocations_total');
    await env.close();

    // About one a second (a recomputation waits for the next wake-up after its second is up).
    expect(allocations).toBeGreaterThanOrEqual(80);
    expect(allocations).toBeLessThanOrEqual(121);
  });

  it('a full ledger: users due wait in line, so it refuses about once per freed slot, not once per waiting user', async () => {
    // 200 listeners, 20 requests per 10 s: most first polls wait for room, and the ledger stays full.
    const env = await crowd(200, { schedulerBase: { budgetPerWindow: 20, windowMs: 10_000 } });
    await env.clock.advance(150_000);
    const refused = await env.metric('spotify_polls_total', { outcome: 'budget_refused' });
    const counts = env.world.countsSnapshot();
    await env.close();

    const polled = Object.keys(counts.byListener).length;
    expect(polled).toBe(200);
    expect(counts.rateLimited).toEqual([]);
    // Each grant is followed by at most one refusal (the next in line finding no room yet). A herd, every
    // waiting user asking at each freed slot, is refused several times per request sent (about 4× here).
    expect(refused).toBeLessThanOrEqual(counts.total);
  });
});
