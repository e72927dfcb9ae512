import fc from 'fast-check';
import { planOwnership } from '../../lib/worker/ownership-plan';
import { preferredWorker } from '../../lib/worker/rendezvous';

const users = Array.from({ length: 200 }, (_, i) => `user-${i}`);

describe('preferredWorker', () => {
  it('is null without workers and the only one with one', () => {
    expect(preferredWorker('u1', [])).toBeNull();
    expect(preferredWorker('u1', ['w1'])).toBe('w1');
  });

  it('does not depend on the order the workers are listed in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 8 }),
        (workers) => {
          const reversed = [...workers].reverse();
          return users
            .slice(0, 20)
            .every((u) => preferredWorker(u, workers) === preferredWorker(u, reversed));
        },
      ),
    );
  });

  it('spreads users roughly evenly', () => {
    const counts = new Map<string, number>();
    for (const u of users) {
      const w = preferredWorker(u, ['w1', 'w2', 'w3', 'w4'])!;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    expect(counts.size).toBe(4);
    for (const n of counts.values()) expect(n).toBeGreaterThan(25);
  });

  it('moves only the users of a worker that leaves', () => {
    const before = new Map(users.map((u) => [u, preferredWorker(u, ['w1', 'w2', 'w3'])]));
    for (const u of users) {
      const after = preferredWorker(u, ['w1', 'w3']);
      if (before.get(u) !== 'w2') expect(after).toBe(before.get(u));
    }
  });
});

describe('planOwnership', () => {
  const live = ['w1', 'w2'];

  it('two workers claim disjoint sets that together cover every active user', () => {
    const a = planOwnership({ me: 'w1', liveWorkers: live, activeUsers: users, held: [] });
    const b = planOwnership({ me: 'w2', liveWorkers: live, activeUsers: users, held: [] });
    expect(a.acquire.filter((u) => b.acquire.includes(u))).toEqual([]);
    expect([...a.acquire, ...b.acquire].sort()).toEqual([...users].sort());
  });

  it('releases users that went inactive and users another live worker is preferred for', () => {
    const mine = users.filter((u) => preferredWorker(u, live) === 'w1');
    const theirs = users.filter((u) => preferredWorker(u, live) === 'w2');
    const plan = planOwnership({
      me: 'w1',
      liveWorkers: live,
      activeUsers: users.filter((u) => u !== mine[0]),
      held: [mine[0]!, mine[1]!, theirs[0]!],
    });
    expect(plan.release.sort()).toEqual([mine[0]!, theirs[0]!].sort());
    expect(plan.acquire).toContain(mine[1]);
  });

  it("takes over a dead worker's users once it has left the live set", () => {
    const plan = planOwnership({ me: 'w1', liveWorkers: ['w1'], activeUsers: users, held: [] });
    expect(plan.acquire).toEqual(users);
  });

  it('counts itself live even before its first heartbeat is visible', () => {
    const plan = planOwnership({ me: 'w1', liveWorkers: [], activeUsers: ['u1'], held: [] });
    expect(plan.acquire).toEqual(['u1']);
  });
});
