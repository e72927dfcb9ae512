import { opsOverview, type WorkerStatus } from '../../lib/ops';
import { createMemoryStores } from '../../lib/store';

const NOW = 1_764_000_000_000;

function playback(isPlaying: boolean, device: string | null) {
  return { isPlaying, device, track: device === null ? null : { uri: 'spotify:track:1' } };
}

describe('opsOverview', () => {
  it('joins the active users with their lease owner, stored state and the worker’s schedule', async () => {
    const stores = createMemoryStores();
    try {
      await stores.activeUsers.touch('bob', NOW + 60_000);
      await stores.activeUsers.touch('ada', NOW + 60_000);
      await stores.activeUsers.touch('cy', NOW + 60_000);
      await stores.workers.heartbeat('w1', NOW, 15_000);
      await stores.leases.acquireLease('ada', 'w1', NOW, 15_000);
      await stores.leases.acquireLease('bob', 'w1', NOW, 15_000);
      await stores.playbackStates.set('ada', playback(true, 'Phone'));
      await stores.playbackStates.set('bob', playback(false, 'Laptop'));
      await stores.budget.tryReserve(NOW - 1000, 30_000, 100, 7);
      await stores.cooldown.enter(NOW + 5000, 'rate_limited', NOW);
      const statuses: WorkerStatus[] = [
        {
          workerId: 'w1',
          at: NOW,
          rateLimited: 3,
          users: [{ userId: 'ada', cadenceMs: 4000, nextPollAt: NOW + 1500, status: 'rate_limited' }],
        },
      ];

      const overview = await opsOverview({
        stores,
        statuses,
        now: NOW,
        budget: { limit: 100, windowMs: 30_000 },
      });

      expect(overview.budget).toEqual({ limit: 100, windowMs: 30_000, used: 7 });
      expect(overview.cooldown).toEqual({ until: NOW + 5000, reason: 'rate_limited' });
      expect(overview.total429s).toBe(3);
      expect(overview.workers).toEqual([{ id: 'w1', users: ['ada', 'bob'], alive: true }]);
      expect(overview.users).toEqual([
        {
          userId: 'ada',
          state: 'playing',
          status: 'rate_limited',
          cadenceMs: 4000,
          nextPollAt: NOW + 1500,
          worker: 'w1',
        },
        { userId: 'bob', state: 'paused', status: 'live', cadenceMs: null, nextPollAt: null, worker: 'w1' },
        { userId: 'cy', state: 'unknown', status: 'live', cadenceMs: null, nextPollAt: null, worker: null },
      ]);
    } finally {
      await stores.close();
    }
  });

  it('a state with no device is idle', async () => {
    const stores = createMemoryStores();
    try {
      await stores.activeUsers.touch('ada', NOW + 60_000);
      await stores.playbackStates.set('ada', playback(false, null));
      const overview = await opsOverview({
        stores,
        statuses: [],
        now: NOW,
        budget: { limit: 10, windowMs: 30_000 },
      });
      expect(overview.users.map((user) => user.state)).toEqual(['idle']);
      expect(overview.cooldown).toBeNull();
    } finally {
      await stores.close();
    }
  });
});
