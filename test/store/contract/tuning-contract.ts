import { useFixture, type MakeStores } from './store-fixture';

export function tuningContract(makeStores: MakeStores): void {
  describe('tuning', () => {
    const { stores } = useFixture(makeStores);

    it('stores the values with a version that grows by one per write', async () => {
      await expect(stores().tuning.get()).resolves.toBeNull();
      await expect(stores().tuning.set({ budgetPer30s: 100 })).resolves.toEqual({
        version: 1,
        values: { budgetPer30s: 100 },
      });
      const values = { budgetPer30s: 60, intervals: { playingMs: 5000, pausedMs: [1, 2] } };
      await expect(stores().tuning.set(values)).resolves.toEqual({ version: 2, values });
      await expect(stores().tuning.get()).resolves.toEqual({ version: 2, values });
    });

    it('gives concurrent writers distinct versions', async () => {
      const writes = Array.from({ length: 8 }, (_, i) => stores().tuning.set({ i }));
      const versions = (await Promise.all(writes)).map((t) => t.version).sort((a, b) => a - b);
      expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it.each([[null], [[1, 2]], ['text']])('rejects %p as values', async (values) => {
      await expect(stores().tuning.set(values as unknown as Record<string, unknown>)).rejects.toThrow(
        RangeError,
      );
      await expect(stores().tuning.get()).resolves.toBeNull();
    });
  });
}
