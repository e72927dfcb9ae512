import { workerWorld, type WorkerWorld } from './worker-kit';

describe('worker: how long a lease and a heartbeat are held', () => {
  let env: WorkerWorld;

  afterEach(async () => {
    await env.close();
  });

  it.each([
    [3000, undefined, 2000],
    [3000, 500, 2500],
  ])(
    'with leaseTtlMs %d and membershipIntervalMs %s, until one interval short of the TTL (%d ms)',
    async (leaseTtlMs, membershipIntervalMs, holdMs) => {
      env = workerWorld();
      const listener = env.world.addListener({ initial: 'playing', actor: false });
      env.listeners.push(listener);
      await env.activate(listener.id);
      const startedAt = env.clock.now();
      const worker = await env.startWorker('w1', {
        leaseTtlMs,
        ...(membershipIntervalMs === undefined ? {} : { membershipIntervalMs }),
      });
      await env.wait(0);
      expect(worker.ownedUsers()).toEqual([listener.id]);
      // The survivors' next pass, at most one interval after the lapse, is still within the TTL of the last renewal.
      const { leases, workers } = env.stores;
      await expect(leases.leaseOwner(listener.id, startedAt + holdMs - 1)).resolves.toBe('w1');
      await expect(leases.leaseOwner(listener.id, startedAt + holdMs)).resolves.toBeNull();
      await expect(workers.liveWorkers(startedAt + holdMs - 1)).resolves.toEqual(['w1']);
      await expect(workers.liveWorkers(startedAt + holdMs)).resolves.toEqual([]);
    },
  );
});
