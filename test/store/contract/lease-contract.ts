import { T0, useFixture, type MakeStores } from './store-fixture';

export function leaseContract(makeStores: MakeStores): void {
  describe('leases', () => {
    const { current, stores } = useFixture(makeStores);

    it('belongs to one worker until it lapses, then to whoever takes it', async () => {
      const leases = stores().leases;
      await expect(leases.acquireLease('u1', 'w1', T0, 1000)).resolves.toBe(true);
      await expect(leases.leaseOwner('u1', T0 + 999)).resolves.toBe('w1');
      await expect(leases.acquireLease('u1', 'w2', T0 + 999, 1000)).resolves.toBe(false);
      await expect(leases.leaseOwner('u1', T0 + 1000)).resolves.toBeNull();
      await expect(leases.acquireLease('u1', 'w2', T0 + 1000, 1000)).resolves.toBe(true);
      await expect(leases.leaseOwner('u1', T0 + 1500)).resolves.toBe('w2');
      await expect(leases.leasesOf('w1', T0 + 1500)).resolves.toEqual([]);
      await expect(leases.leasesOf('w2', T0 + 1500)).resolves.toEqual(['u1']);
    });

    it('is renewed by its holder', async () => {
      const leases = stores().leases;
      await leases.acquireLease('u1', 'w1', T0, 1000);
      await expect(leases.acquireLease('u1', 'w1', T0 + 800, 1000)).resolves.toBe(true);
      await expect(leases.acquireLease('u1', 'w2', T0 + 1500, 1000)).resolves.toBe(false);
      await expect(leases.leaseOwner('u1', T0 + 1799)).resolves.toBe('w1');
    });

    it('is released only by its holder', async () => {
      const leases = stores().leases;
      await leases.acquireLease('u1', 'w1', T0, 1000);
      await expect(leases.releaseLease('u1', 'w2')).resolves.toBe(false);
      await expect(leases.leaseOwner('u1', T0)).resolves.toBe('w1');
      await expect(leases.releaseLease('u1', 'w1')).resolves.toBe(true);
      await expect(leases.leaseOwner('u1', T0)).resolves.toBeNull();
      await expect(leases.leasesOf('w1', T0)).resolves.toEqual([]);
      await expect(leases.acquireLease('u1', 'w2', T0 + 1, 1000)).resolves.toBe(true);
    });

    it("lists a worker's unexpired leases, sorted", async () => {
      const leases = stores().leases;
      await leases.acquireLease('u3', 'w1', T0, 5000);
      await leases.acquireLease('u1', 'w1', T0, 1000);
      await leases.acquireLease('u2', 'w1', T0, 5000);
      await leases.acquireLease('u4', 'w2', T0, 5000);
      await expect(leases.leasesOf('w1', T0)).resolves.toEqual(['u1', 'u2', 'u3']);
      await expect(leases.leasesOf('w1', T0 + 1000)).resolves.toEqual(['u2', 'u3']);
      await expect(leases.leasesOf('w3', T0)).resolves.toEqual([]);
    });

    it('gives each lease to exactly one of two racing workers, across processes', async () => {
      const peer = await current().peer();
      const users = Array.from({ length: 10 }, (_, i) => `u${i}`);
      const races = users.map((userId) =>
        Promise.all([
          stores().leases.acquireLease(userId, 'w1', T0, 5000),
          peer.leases.acquireLease(userId, 'w2', T0, 5000),
        ]),
      );
      for (const [w1, w2] of await Promise.all(races)) expect(w1 !== w2).toBe(true);
      const mine = await stores().leases.leasesOf('w1', T0);
      const theirs = await peer.leases.leasesOf('w2', T0);
      expect([...mine, ...theirs].sort()).toEqual([...users].sort());
    });

    it.each([
      ['ttl 0', T0, 0],
      ['a NaN now', NaN, 1000],
    ])('rejects %s', async (_what, now, ttlMs) => {
      await expect(stores().leases.acquireLease('u1', 'w1', now, ttlMs)).rejects.toThrow(RangeError);
      await expect(stores().leases.leaseOwner('u1', T0)).resolves.toBeNull();
    });
  });
}
