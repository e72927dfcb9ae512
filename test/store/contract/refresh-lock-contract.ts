import { T0, useFixture, type MakeStores } from './store-fixture';

export function refreshLockContract(makeStores: MakeStores): void {
  describe('refresh locks', () => {
    const { current, stores } = useFixture(makeStores);

    it('admits one owner until the lock lapses at now + ttl', async () => {
      const locks = stores().refreshLocks;
      await expect(locks.tryLock('u1', 'a', 1000, T0)).resolves.toBe(true);
      await expect(locks.tryLock('u1', 'b', 1000, T0 + 999)).resolves.toBe(false);
      await expect(locks.tryLock('u2', 'b', 1000, T0 + 999)).resolves.toBe(true);
      await expect(locks.tryLock('u1', 'b', 1000, T0 + 1000)).resolves.toBe(true);
      await expect(locks.tryLock('u1', 'a', 1000, T0 + 1500)).resolves.toBe(false);
    });

    it('lets the owner renew its own lock', async () => {
      const locks = stores().refreshLocks;
      await locks.tryLock('u1', 'a', 1000, T0);
      await expect(locks.tryLock('u1', 'a', 1000, T0 + 900)).resolves.toBe(true);
      await expect(locks.tryLock('u1', 'b', 1000, T0 + 1500)).resolves.toBe(false);
    });

    it('is unlocked only by its owner', async () => {
      const locks = stores().refreshLocks;
      await locks.tryLock('u1', 'a', 1000, T0);
      await expect(locks.unlock('u1', 'b')).resolves.toBe(false);
      await expect(locks.tryLock('u1', 'b', 1000, T0 + 1)).resolves.toBe(false);
      await expect(locks.unlock('u1', 'a')).resolves.toBe(true);
      await expect(locks.unlock('u1', 'a')).resolves.toBe(false);
      await expect(locks.tryLock('u1', 'b', 1000, T0 + 2)).resolves.toBe(true);
    });

    it('grants exactly one of 10 concurrent attempts, across processes', async () => {
      const peer = await current().peer();
      const attempts = Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? stores() : peer).refreshLocks.tryLock('u1', `owner-${i}`, 5000, T0),
      );
      const granted = (await Promise.all(attempts)).filter(Boolean);
      expect(granted).toHaveLength(1);
    });

    it.each([
      ['ttlMs 0', 'o', 0, T0],
      ['a NaN now', 'o', 1000, NaN],
      ['an empty owner', '', 1000, T0],
    ])('rejects %s', async (_what, owner, ttlMs, now) => {
      await expect(stores().refreshLocks.tryLock('u1', owner, ttlMs, now)).rejects.toThrow(RangeError);
    });
  });
}
