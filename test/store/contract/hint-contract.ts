import type { Hint } from '../../../lib/core/hint';
import { T0, useFixture, type MakeStores } from './store-fixture';

function hint(id: string, recordedAt: number, ttlMs = 10_000, extra: Partial<Hint> = {}): Hint {
  return { id, source: 'ai', intent: 'play_specific_song', recordedAt, ttlMs, ...extra };
}

export function hintContract(makeStores: MakeStores): void {
  describe('hints', () => {
    const { stores } = useFixture(makeStores);

    it('returns live hints oldest first, ties by id, with every field intact', async () => {
      const full = hint('h-full', T0 + 20, 10_000, {
        source: 'user',
        expect: { trackUri: 'spotify:track:1', isPlaying: true, volume: 40, queueAdded: ['spotify:track:2'] },
        reasoning: 'calm music',
        isAIDiscovery: true,
        announced: true,
      });
      for (const h of [hint('c', T0 + 10), full, hint('b', T0), hint('a', T0 + 10)])
        await stores().hints.add('u1', h);
      const live = await stores().hints.live('u1', T0 + 100);
      expect(live.map((h) => h.id)).toEqual(['b', 'a', 'c', 'h-full']);
      expect(live[3]).toEqual(full);
      await expect(stores().hints.live('u2', T0 + 100)).resolves.toEqual([]);
    });

    it('is live from recordedAt until recordedAt + ttlMs', async () => {
      await stores().hints.add('u1', hint('h', T0 + 1000, 500));
      await expect(stores().hints.live('u1', T0 + 999)).resolves.toEqual([]);
      expect(await stores().hints.live('u1', T0 + 1000)).toHaveLength(1);
      expect(await stores().hints.live('u1', T0 + 1499)).toHaveLength(1);
      await expect(stores().hints.live('u1', T0 + 1500)).resolves.toEqual([]);
    });

    it('prunes expired hints, so they stay gone', async () => {
      await stores().hints.add('u1', hint('short', T0, 100));
      await stores().hints.add('u1', hint('long', T0, 5000));
      expect((await stores().hints.live('u1', T0 + 200)).map((h) => h.id)).toEqual(['long']);
      expect((await stores().hints.live('u1', T0 + 50)).map((h) => h.id)).toEqual(['long']);
    });

    it('replaces a hint added again with the same id', async () => {
      await stores().hints.add('u1', hint('h', T0, 100));
      await stores().hints.add('u1', hint('h', T0, 5000, { intent: 'pause' }));
      const live = await stores().hints.live('u1', T0 + 200);
      expect(live).toEqual([hint('h', T0, 5000, { intent: 'pause' })]);
    });

    it('consumes once: the ids that were there come back, later calls get none', async () => {
      await stores().hints.add('u1', hint('a', T0));
      await stores().hints.add('u1', hint('b', T0));
      const consumed = await stores().hints.consume('u1', ['a', 'missing', 'a']);
      expect(consumed).toEqual(['a']);
      await expect(stores().hints.consume('u1', ['a'])).resolves.toEqual([]);
      await expect(stores().hints.consume('u1', [])).resolves.toEqual([]);
      expect((await stores().hints.live('u1', T0)).map((h) => h.id)).toEqual(['b']);
    });

    it('lists users with unexpired hints, sorted, until they are consumed or expire', async () => {
      await stores().hints.add('u2', hint('a', T0, 1000));
      await stores().hints.add('u1', hint('b', T0, 3000));
      await stores().hints.add('u1', hint('c', T0, 1000));
      await stores().hints.add('u3', hint('d', T0, 1000));
      await expect(stores().hints.usersWithLiveHints(T0)).resolves.toEqual(['u1', 'u2', 'u3']);
      await stores().hints.consume('u3', ['d']);
      await expect(stores().hints.usersWithLiveHints(T0)).resolves.toEqual(['u1', 'u2']);
      await stores().hints.consume('u1', ['b']);
      await expect(stores().hints.usersWithLiveHints(T0 + 999)).resolves.toEqual(['u1', 'u2']);
      await expect(stores().hints.usersWithLiveHints(T0 + 1000)).resolves.toEqual([]);
    });

    it('keeps a user listed while any of their hints is unexpired', async () => {
      await stores().hints.add('u1', hint('long', T0, 3000));
      await stores().hints.add('u1', hint('short', T0, 1000));
      await stores().hints.live('u1', T0 + 1500);
      await expect(stores().hints.usersWithLiveHints(T0 + 1500)).resolves.toEqual(['u1']);
      await expect(stores().hints.usersWithLiveHints(T0 + 3000)).resolves.toEqual([]);
    });

    it.each([
      ['an empty id', hint('', T0)],
      ['a NaN recordedAt', hint('h', NaN)],
      ['ttlMs 0', hint('h', T0, 0)],
      ['a negative ttlMs', hint('h', T0, -5)],
    ])('rejects a hint with %s', async (_what, bad) => {
      await expect(stores().hints.add('u1', bad)).rejects.toThrow(RangeError);
      await expect(stores().hints.usersWithLiveHints(T0)).resolves.toEqual([]);
    });
  });
}
