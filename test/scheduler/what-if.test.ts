import fc from 'fast-check';
import { meanDelayMs, optimalMeanDelayMs, pollsPerHour } from '../../lib/scheduler';

const listenersArb = fc.array(
  fc.record({
    changesPerHour: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    intervalMs: fc.double({ min: 100, max: 3_600_000, noNaN: true }),
  }),
  { minLength: 1, maxLength: 50 },
);

describe('the what-if evaluator', () => {
  it('gives half the interval for periodic polling', () => {
    expect(meanDelayMs([{ changesPerHour: 12, intervalMs: 10_000 }])).toBe(5_000);
    expect(pollsPerHour([{ changesPerHour: 12, intervalMs: 10_000 }])).toBe(360);
  });

  it('weights listeners by their rate of change', () => {
    const delay = meanDelayMs([
      { changesPerHour: 30, intervalMs: 10_000 },
      { changesPerHour: 10, intervalMs: 30_000 },
    ]);
    expect(delay).toBe((30 * 5_000 + 10 * 15_000) / 40);
  });

  it('finds no allocation of the same polls that beats the optimum, and reaches it with intervals ∝ 1/√λ', () => {
    fc.assert(
      fc.property(listenersArb, (listeners) => {
        const rates = listeners.map((l) => l.changesPerHour);
        const optimum = optimalMeanDelayMs(rates, pollsPerHour(listeners));
        expect(meanDelayMs(listeners)).toBeGreaterThanOrEqual(optimum * (1 - 1e-9));
        const squareRoot = listeners.map((l) => ({
          changesPerHour: l.changesPerHour,
          intervalMs: 1 / Math.sqrt(l.changesPerHour),
        }));
        const atSamePolls = optimalMeanDelayMs(rates, pollsPerHour(squareRoot));
        expect(meanDelayMs(squareRoot) / atSamePolls).toBeCloseTo(1, 9);
      }),
    );
  });

  it('puts a fixed interval for all at more than the optimum when rates differ', () => {
    const listeners = [1, 4, 16, 64].map((changesPerHour) => ({ changesPerHour, intervalMs: 10_000 }));
    const ratio = meanDelayMs(listeners) / optimalMeanDelayMs([1, 4, 16, 64], pollsPerHour(listeners));
    // (Σλ)·n / (Σ√λ)² = 85·4 / 15²
    expect(ratio).toBeCloseTo((85 * 4) / 225, 12);
  });
});
