import type { Stores } from '../../../lib/store/stores';
import { useFixture, type MakeStores } from './store-fixture';

/** The two stores of one latest value per user: the engine's state and the published PlaybackState. */
export type LatestStateName = 'latestState' | 'playbackStates';

const OTHER: Record<LatestStateName, LatestStateName> = {
  latestState: 'playbackStates',
  playbackStates: 'latestState',
};

export function latestStateContract(makeStores: MakeStores, name: LatestStateName): void {
  describe(name, () => {
    const { stores } = useFixture(makeStores);
    const store = () => stores()[name];
    const other = (s: Stores) => s[OTHER[name]];

    it('stores a value per user and returns what JSON round-trips', async () => {
      await expect(store().get('u1')).resolves.toBeNull();
      await store().set('u1', {
        track: { uri: 'spotify:track:1' },
        position: 12,
        gone: undefined,
      });
      await store().set('u2', [1, 'two']);
      await expect(store().get('u1')).resolves.toStrictEqual({
        track: { uri: 'spotify:track:1' },
        position: 12,
      });
      await expect(store().get('u2')).resolves.toEqual([1, 'two']);
    });

    it('hands out copies: changing one does not change the stored value', async () => {
      const state = { n: 1 };
      await store().set('u1', state);
      state.n = 2;
      const read = (await store().get('u1')) as { n: number };
      read.n = 3;
      await expect(store().get('u1')).resolves.toEqual({ n: 1 });
    });

    it('replaces and deletes', async () => {
      await store().set('u1', { v: 1 });
      await store().set('u1', { v: 2 });
      await expect(store().get('u1')).resolves.toEqual({ v: 2 });
      await store().delete('u1');
      await expect(store().get('u1')).resolves.toBeNull();
    });

    it(`is separate from ${OTHER[name]}`, async () => {
      await other(stores()).set('u1', { owner: OTHER[name] });
      await expect(store().get('u1')).resolves.toBeNull();
      await store().set('u1', { owner: name });
      await store().delete('u1');
      await expect(other(stores()).get('u1')).resolves.toEqual({ owner: OTHER[name] });
    });

    it.each([null, undefined, () => 1])('rejects %p', async (value) => {
      await expect(store().set('u1', value)).rejects.toThrow(`${name}.set`);
      await expect(store().set('u1', value)).rejects.toThrow(RangeError);
    });
  });
}
