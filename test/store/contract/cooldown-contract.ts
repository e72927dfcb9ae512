import { T0, useFixture, type MakeStores } from './store-fixture';

export function cooldownContract(makeStores: MakeStores): void {
  describe('cooldown', () => {
    const { stores } = useFixture(makeStores);

    it('is in force from enter until its end', async () => {
      await expect(stores().cooldown.current(T0)).resolves.toBeNull();
      const entered = await stores().cooldown.enter(T0 + 5000, 'rate_limited', T0);
      expect(entered).toEqual({ until: T0 + 5000, reason: 'rate_limited' });
      await expect(stores().cooldown.current(T0 + 4999)).resolves.toEqual(entered);
      await expect(stores().cooldown.current(T0 + 5000)).resolves.toBeNull();
    });

    it('only ever extends: a shorter one changes nothing, a longer one takes over', async () => {
      await stores().cooldown.enter(T0 + 5000, 'rate_limited', T0);
      await expect(stores().cooldown.enter(T0 + 2000, 'other', T0 + 1)).resolves.toEqual({
        until: T0 + 5000,
        reason: 'rate_limited',
      });
      await expect(stores().cooldown.enter(T0 + 86_400_000, 'QUOTA_EXCEEDED', T0 + 2)).resolves.toEqual({
        until: T0 + 86_400_000,
        reason: 'QUOTA_EXCEEDED',
      });
      await expect(stores().cooldown.current(T0 + 6000)).resolves.toEqual({
        until: T0 + 86_400_000,
        reason: 'QUOTA_EXCEEDED',
      });
    });

    it('starts a new cooldown after the last one ended', async () => {
      await stores().cooldown.enter(T0 + 1000, 'first', T0);
      await expect(stores().cooldown.enter(T0 + 9000, 'second', T0 + 8000)).resolves.toEqual({
        until: T0 + 9000,
        reason: 'second',
      });
    });

    it('reports nothing in force when entering one that has already ended', async () => {
      await expect(stores().cooldown.enter(T0 - 1, 'late', T0)).resolves.toBeNull();
      await expect(stores().cooldown.current(T0)).resolves.toBeNull();
    });

    it.each([
      ['a NaN until', NaN, 'r', T0],
      ['an empty reason', T0 + 1, '', T0],
      ['an infinite now', T0 + 1, 'r', Infinity],
    ])('rejects %s', async (_what, until, reason, now) => {
      await expect(stores().cooldown.enter(until, reason, now)).rejects.toThrow(RangeError);
      await expect(stores().cooldown.current(T0)).resolves.toBeNull();
    });
  });
}
