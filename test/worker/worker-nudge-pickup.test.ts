import { workerWorld, type WorkerWorld } from './worker-kit';

describe('worker: a nudge for a user it does not poll yet', () => {
  let env: WorkerWorld;

  afterEach(async () => {
    await env.close();
  });

  async function setUp(): Promise<string> {
    env = workerWorld();
    const listener = env.world.addListener({ initial: 'playing', actor: false });
    env.listeners.push(listener);
    // Membership every 20 s: without the nudge, a new user waits up to that long.
    await env.startWorker('w1', { leaseTtlMs: 60_000 });
    await env.wait(1000);
    return listener.id;
  }

  const requestsFor = (userId: string) =>
    Object.values(env.world.countsSnapshot().byListener[userId] ?? {}).reduce((sum, n) => sum + n, 0);

  it('brings the membership pass forward, so a newly subscribed user is polled within about a second', async () => {
    const userId = await setUp();
    await env.activate(userId);
    await env.stores.bus.publish(userId);
    await env.wait(1500);
    expect(requestsFor(userId)).toBeGreaterThan(0);
  });

  it('without the nudge the user waits for the next pass', async () => {
    const userId = await setUp();
    await env.activate(userId);
    await env.wait(1500);
    expect(requestsFor(userId)).toBe(0);
  });
});
