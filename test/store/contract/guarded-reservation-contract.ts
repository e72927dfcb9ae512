import fc from 'fast-check';
import { T0, useFixture, withFixture, type MakeStores } from './store-fixture';

const WINDOW = 30_000;

/** `budget.tryReserveOutsideCooldown`: the ledger and the cooldown in one step (one round trip to Redis). */
export function guardedReservationContract(makeStores: MakeStores): void {
  describe('budget reservation outside the cooldown', () => {
    const { current, stores } = useFixture(makeStores);

    it('without a cooldown, grants like tryReserve and says when the window frees a slot', async () => {
      const { budget } = stores();
      for (let i = 0; i < 3; i++) {
        await expect(budget.tryReserveOutsideCooldown(T0 + i, WINDOW, 3)).resolves.toEqual({ granted: true });
      }
      await expect(budget.tryReserveOutsideCooldown(T0 + 10, WINDOW, 3)).resolves.toEqual({
        granted: false,
        retryAt: T0 + WINDOW,
        cooldown: null,
      });
      await expect(budget.used(T0 + 10, WINDOW)).resolves.toBe(3);
    });

    it('while a cooldown is in force, reserves nothing and returns it; after its end, grants', async () => {
      const { budget, cooldown } = stores();
      await cooldown.enter(T0 + 5000, 'QUOTA_EXCEEDED', T0);
      await expect(budget.tryReserveOutsideCooldown(T0 + 4999, WINDOW, 3)).resolves.toEqual({
        granted: false,
        retryAt: T0 + 5000,
        cooldown: { until: T0 + 5000, reason: 'QUOTA_EXCEEDED' },
      });
      await expect(budget.used(T0 + 4999, WINDOW)).resolves.toBe(0);
      await expect(budget.tryReserveOutsideCooldown(T0 + 5000, WINDOW, 3)).resolves.toEqual({
        granted: true,
      });
      await expect(budget.used(T0 + 5000, WINDOW)).resolves.toBe(1);
    });

    it('sees a cooldown another process entered, and a cooldown outranks a full window', async () => {
      const peer = await current().peer();
      const { budget } = stores();
      await budget.tryReserveOutsideCooldown(T0, WINDOW, 1);
      await peer.cooldown.enter(T0 + 60_000, 'rate_limited', T0 + 1);
      await expect(budget.tryReserveOutsideCooldown(T0 + 2, WINDOW, 1)).resolves.toEqual({
        granted: false,
        retryAt: T0 + 60_000,
        cooldown: { until: T0 + 60_000, reason: 'rate_limited' },
      });
    });

    it('agrees with a reference of reservations and cooldowns at every step', async () => {
      const step = fc.oneof(
        fc.record({
          kind: fc.constant('reserve' as const),
          advance: fc.integer({ min: 0, max: 20_000 }),
          count: fc.integer({ min: 1, max: 3 }),
        }),
        fc.record({
          kind: fc.constant('cooldown' as const),
          advance: fc.integer({ min: 0, max: 5000 }),
          lengthMs: fc.integer({ min: 1, max: 40_000 }),
        }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 3, max: 6 }),
          fc.array(step, { maxLength: 25 }),
          async (limit, steps) =>
            withFixture(makeStores, {}, async ({ stores: { budget, cooldown } }) => {
              let granted: number[] = [];
              let cooldownUntil = -Infinity;
              let now = T0;
              for (const s of steps) {
                now += s.advance;
                if (s.kind === 'cooldown') {
                  await cooldown.enter(now + s.lengthMs, 'rate_limited', now);
                  cooldownUntil = Math.max(cooldownUntil, now + s.lengthMs);
                  continue;
                }
                const result = await budget.tryReserveOutsideCooldown(now, WINDOW, limit, s.count);
                granted = granted.filter((at) => at > now - WINDOW);
                if (cooldownUntil > now) {
                  expect(result).toEqual({
                    granted: false,
                    retryAt: cooldownUntil,
                    cooldown: { until: cooldownUntil, reason: 'rate_limited' },
                  });
                } else if (granted.length + s.count > limit) {
                  expect(result).toMatchObject({ granted: false, cooldown: null });
                  if (!result.granted) expect(result.retryAt).toBeGreaterThan(now);
                } else {
                  expect(result).toEqual({ granted: true });
                  for (let i = 0; i < s.count; i++) granted.push(now);
                }
                await expect(budget.used(now, WINDOW)).resolves.toBe(granted.length);
              }
            }),
        ),
        { numRuns: 30 },
      );
    });

    it.each([
      ['windowMs 0', T0, 0, 5, 1],
      ['a NaN now', NaN, WINDOW, 5, 1],
      ['count above limit', T0, WINDOW, 5, 6],
    ])('rejects %s', async (_what, now, windowMs, limit, count) => {
      await expect(stores().budget.tryReserveOutsideCooldown(now, windowMs, limit, count)).rejects.toThrow(
        RangeError,
      );
      await expect(stores().budget.used(T0, WINDOW)).resolves.toBe(0);
    });
  });
}
