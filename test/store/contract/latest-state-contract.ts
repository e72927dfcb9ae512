import { useFixture, type MakeStores } from './store-fixture';

export function latestStateContract(makeStores: MakeStores): void {
  describe('latest state', () => {
    const { stores } = useFixture(makeStores);

    it('stores a value per user and returns what JSON round-trips', async () => {
      await expect(stores().latestState.get('u1')).resolves.toBeNull();
      await stores().latestState.set('u1', {
        track: { uri: 'spotify:track:1' },
        position: 12,
        gone: undefined,
      });
      await stores().latestState.set('u2', [1, 'two']);
      await expect(stores().latestState.get('u1')).resolves.toStrictEqual({
        track: { uri: 'spotify:track:1' },
        position: 12,
      });
      await expect(stores().latestState.get('u2')).resolves.toEqual([1, 'two']);
    });

    it('hands out copies: changing one does not change the stored value', async () => {
      const state = { n: 1 };
      await stores().latestState.set('u1', state);
      state.n = 2;
      const read = (await stores().latestState.get('u1')) as { n: number };
      read.n = 3;
      await expect(stores().latestState.get('u1')).resolves.toEqual({ n: 1 });
    });

    it('replaces and deletes', async () => {
      await stores().latestState.set('u1', { v: 1 });
      await stores().latestState.set('u1', { v: 2 });
      await expect(stores().latestState.get('u1')).resolves.toEqual({ v: 2 });
      await stores().latestState.delete('u1');
      await expect(stores().latestState.get('u1')).resolves.toBeNull();
    });

    it.each([null, undefined, () => 1])('rejects %p', async (value) => {
      await expect(stores().latestState.set('u1', value)).rejects.toThrow(RangeError);
    });
  });
}
