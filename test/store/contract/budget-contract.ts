import fc from 'fast-check';
import { T0, useFixture, withFixture, type MakeStores } from './store-fixture';

const WINDOW = 30_000;

/** The ledger's specification, as plainly as it can be said: instants of granted reservations. */
class ReferenceLedger {
  private granted: number[] = [];

  tryReserve(now: number, limit: number, count: number): boolean {
    const inWindow = this.granted.filter((at) => at > now - WINDOW);
    if (inWindow.length + count > limit) return false;
    for (let i = 0; i < count; i++) this.granted.push(now);
    return true;
  }

  maxInAnyWindow(): number {
    return Math.max(
      0,
      ...this.granted.map((end) => this.granted.filter((at) => at > end - WINDOW && at <= end).length),
    );
  }
}

export function budgetContract(makeStores: MakeStores): void {
  describe('budget ledger', () => {
    const { current, stores } = useFixture(makeStores);

    it('grants up to the limit, then says when the oldest reservation leaves the window', async () => {
      const budget = stores().budget;
      for (let i = 0; i < 5; i++)
        await expect(budget.tryReserve(T0 + i * 100, WINDOW, 5)).resolves.toEqual({ granted: true });
      await expect(budget.tryReserve(T0 + 1000, WINDOW, 5)).resolves.toEqual({
        granted: false,
        retryAt: T0 + WINDOW,
      });
      await expect(budget.used(T0 + 1000, WINDOW)).resolves.toBe(5);
      await expect(budget.tryReserve(T0 + WINDOW - 1, WINDOW, 5)).resolves.toEqual({
        granted: false,
        retryAt: T0 + WINDOW,
      });
      await expect(budget.tryReserve(T0 + WINDOW, WINDOW, 5)).resolves.toEqual({ granted: true });
      await expect(budget.used(T0 + WINDOW, WINDOW)).resolves.toBe(5);
    });

    it('reserves several at once, all or nothing', async () => {
      const budget = stores().budget;
      await budget.tryReserve(T0, WINDOW, 5, 2);
      await budget.tryReserve(T0 + 10, WINDOW, 5, 2);
      // 4 used; 3 more need the two oldest (both at T0) gone.
      await expect(budget.tryReserve(T0 + 20, WINDOW, 5, 3)).resolves.toEqual({
        granted: false,
        retryAt: T0 + WINDOW,
      });
      await expect(budget.used(T0 + 20, WINDOW)).resolves.toBe(4);
      await expect(budget.tryReserve(T0 + 20, WINDOW, 5, 1)).resolves.toEqual({ granted: true });
      // 5 used (T0, T0, T0+10, T0+10, T0+20); 3 more need the third oldest gone.
      await expect(budget.tryReserve(T0 + 30, WINDOW, 5, 3)).resolves.toEqual({
        granted: false,
        retryAt: T0 + 10 + WINDOW,
      });
    });

    it('honours a limit lowered below what the window holds', async () => {
      const budget = stores().budget;
      for (let i = 0; i < 4; i++) await budget.tryReserve(T0 + i, WINDOW, 10);
      await expect(budget.tryReserve(T0 + 10, WINDOW, 2)).resolves.toEqual({
        granted: false,
        retryAt: T0 + 2 + WINDOW,
      });
    });

    it('counts only the window ending at now', async () => {
      await stores().budget.tryReserve(T0, WINDOW, 5, 3);
      await expect(stores().budget.used(T0, WINDOW)).resolves.toBe(3);
      await expect(stores().budget.used(T0 + WINDOW - 1, WINDOW)).resolves.toBe(3);
      await expect(stores().budget.used(T0 + WINDOW, WINDOW)).resolves.toBe(0);
    });

    it('grants exactly 5 of 20 concurrent reservations with limit 5, across processes', async () => {
      const peer = await current().peer();
      const attempts = Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? stores() : peer).budget.tryReserve(T0 + (i % 3), WINDOW, 5),
      );
      const results = await Promise.all(attempts);
      expect(results.filter((r) => r.granted)).toHaveLength(5);
      await expect(stores().budget.used(T0 + 2, WINDOW)).resolves.toBe(5);
    });

    it('agrees with the reference ledger and never exceeds the limit in any window', async () => {
      const step = fc.record({
        advance: fc.integer({ min: 0, max: 20_000 }),
        count: fc.integer({ min: 1, max: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 3, max: 8 }),
          fc.array(step, { maxLength: 30 }),
          async (limit, steps) =>
            withFixture(makeStores, {}, async ({ stores: { budget } }) => {
              const reference = new ReferenceLedger();
              let now = T0;
              for (const { advance, count } of steps) {
                now += advance;
                const result = await budget.tryReserve(now, WINDOW, limit, count);
                expect(result.granted).toBe(reference.tryReserve(now, limit, count));
                if (!result.granted) expect(result.retryAt).toBeGreaterThan(now);
              }
              expect(reference.maxInAnyWindow()).toBeLessThanOrEqual(limit);
            }),
        ),
        { numRuns: 30 },
      );
    });

    it.each([
      ['windowMs 0', T0, 0, 5, 1],
      ['a NaN now', NaN, WINDOW, 5, 1],
      ['limit 0', T0, WINDOW, 0, 1],
      ['count 0', T0, WINDOW, 5, 0],
      ['a fractional count', T0, WINDOW, 5, 1.5],
      ['count above limit', T0, WINDOW, 5, 6],
    ])('rejects %s', async (_what, now, windowMs, limit, count) => {
      await expect(stores().budget.tryReserve(now, windowMs, limit, count)).rejects.toThrow(RangeError);
      await expect(stores().budget.used(T0, WINDOW)).resolves.toBe(0);
    });
  });
}
