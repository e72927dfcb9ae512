import fc from 'fast-check';
import type { RateStats } from '../../lib/scheduler/change-rate';
import { NO_EVIDENCE, changesSeen, configuredPriors, recordGap } from '../../lib/scheduler/change-rate';
import { SeededRandom } from '../../lib/random/random';
import { newUserSchedule, ratesPerHour } from '../../lib/scheduler';
import { HOUR_MS, tuned } from './schedule-kit';

/**
 * Polls every `gapMs()` a listener whose changes are Poisson at `perHour`; each poll sees only "changed or
 * not".
 */
function observe(perHour: number, polls: number, gapMs: () => number, seed: string, memoryMs = 1e12): number {
  const tuning = tuned({ rateMemoryMs: memoryMs, rateMaxGapMs: 3_600_000 });
  const prior = configuredPriors(tuning).playing;
  const random = new SeededRandom(seed);
  let stats: RateStats = NO_EVIDENCE;
  for (let i = 0; i < polls; i++) {
    const gap = gapMs();
    const changed = random.exponential(HOUR_MS / perHour) < gap;
    stats = recordGap(stats, prior, gap, changed, tuning);
  }
  return rateOf(stats) * HOUR_MS;
}

function rateOf(stats: RateStats): number {
  if (stats.ratePerMs === null) throw new Error('no estimate yet');
  return stats.ratePerMs;
}

describe('the change-rate estimator', () => {
  it('starts a new listener from the prior of each state', () => {
    const tuning = tuned({ playingPriorPerHour: 12, pausedPriorPerHour: 40, noDevicePriorPerHour: 3 });
    const rates = ratesPerHour(newUserSchedule(), tuning);
    expect(rates.playing).toBeCloseTo(12, 9);
    expect(rates.paused).toBeCloseTo(40, 9);
    expect(rates.no_device).toBeCloseTo(3, 9);
  });

  /**
   * 3.5 standard errors of the maximum-likelihood estimate from `polls` censored gaps of `gapMs` (Fisher
   * information).
   */
  function tolerance(perHour: number, gapMs: number, polls: number): number {
    const x = (perHour / HOUR_MS) * gapMs;
    const p = 1 - Math.exp(-x);
    return 3.5 * (Math.sqrt(p / (polls * (1 - p))) / x);
  }

  it.each([
    ['rare changes, short gaps (λT ≈ 0.08)', 30, 10_000, 20_000],
    ['frequent changes, long gaps (λT = 1: most gaps hide a change)', 60, 60_000, 2000],
    ['very frequent changes (λT = 2)', 240, 30_000, 2000],
    ['a change in nearly every gap (λT = 5)', 600, 30_000, 10_000],
  ])('converges to the true rate from censored polls: %s', (_name, perHour, gapMs, polls) => {
    const estimate = observe(perHour, polls, () => gapMs, `changes-${perHour}`);
    const allowed = tolerance(perHour, gapMs, polls);
    expect(allowed).toBeLessThan(0.15);
    expect(Math.abs(estimate / perHour - 1)).toBeLessThan(allowed);
  });

  it('converges when the gaps vary (5–60 s, as the cadence and natural ends make them)', () => {
    const gaps = new SeededRandom('gaps');
    const estimate = observe(40, 2000, () => gaps.between(5_000, 60_000), 'varying');
    expect(Math.abs(estimate / 40 - 1)).toBeLessThan(tolerance(40, 32_500, 2000));
  });

  it('corrects for censoring where counting changes per polled hour would not', () => {
    // λT = 1.5: a gap with a change hides the changes after the first, so counting them sees
    // 1 − e^(−1.5) ≈ 0.78 changes per gap where 1.5 happened.
    const perHour = 90;
    const estimate = observe(perHour, 4000, () => 60_000, 'censored');
    const naive = (1 - Math.exp(-1.5)) * 60;
    expect(Math.abs(estimate - perHour) / perHour).toBeLessThan(0.1);
    expect(Math.abs(naive - perHour) / perHour).toBeGreaterThan(0.4);
  });

  it('forgets slowly: after the listener changes habits the estimate follows', () => {
    const tuning = tuned({ rateMemoryMs: HOUR_MS });
    const prior = configuredPriors(tuning).playing;
    const random = new SeededRandom('habits');
    let stats: RateStats = NO_EVIDENCE;
    const run = (perHour: number, hours: number) => {
      for (let t = 0; t < hours * HOUR_MS; t += 10_000) {
        stats = recordGap(stats, prior, 10_000, random.exponential(HOUR_MS / perHour) < 10_000, tuning);
      }
      return rateOf(stats) * HOUR_MS;
    };
    expect(run(60, 4)).toBeGreaterThan(45);
    const after = run(6, 6);
    expect(after).toBeGreaterThan(3);
    expect(after).toBeLessThan(10);
  });

  /**
   * The exact likelihood rises with every gap that saw a change. The buckets stand in for their gaps by their
   * mean length, and T/(e^(λT) − 1) is convex, so a long gap joining shorter ones in its bucket can lower the
   * bucket's sum and the estimate with it (FC_SEED=-1489979558: a change in 446 s after one in 256 s, both
   * in the 256–512 s bucket). What holds: a quiet gap lowers the estimate; a gap with a change leaves it
   * higher than the same gap quiet; and it rises whenever the gap is no longer than the mean of its bucket.
   */
  describe('responds to each gap in the right direction', () => {
    const prior = configuredPriors(tuned()).paused;
    const gap = fc.integer({ min: 250, max: 600_000 });
    const evidence = fc.array(fc.tuple(gap, fc.boolean()), { maxLength: 30 });
    const replay = (history: [number, boolean][], tuning: ReturnType<typeof tuned>) =>
      history.reduce<RateStats>((s, [g, changed]) => recordGap(s, prior, g, changed, tuning), NO_EVIDENCE);
    const bucketMeanMs = (stats: RateStats, gapMs: number) => {
      const bucket = stats.changed[Math.min(11, Math.max(0, Math.floor(Math.log2(gapMs / 500)) + 1))];
      return bucket === undefined || bucket.count === 0 ? Infinity : bucket.total / bucket.count;
    };

    it('falls with every quiet gap, and rises with a change no longer than its bucket’s mean (memory aside)', () => {
      const tuning = tuned({ rateMemoryMs: 1e15 });
      fc.assert(
        fc.property(evidence, gap, (history, nextGap) => {
          const stats = replay(history, tuning);
          const before = stats.ratePerMs ?? prior;
          const afterQuiet = rateOf(recordGap(stats, prior, nextGap, false, tuning));
          const afterChange = rateOf(recordGap(stats, prior, nextGap, true, tuning));
          return afterQuiet < before && (nextGap > bucketMeanMs(stats, nextGap) || afterChange > before);
        }),
      );
    });

    it('is higher after a gap with a change than after the same gap quiet (memory included)', () => {
      const tuning = tuned({ rateMemoryMs: 600_000 });
      fc.assert(
        fc.property(evidence, gap, (history, nextGap) => {
          const stats = replay(history, tuning);
          const afterQuiet = rateOf(recordGap(stats, prior, nextGap, false, tuning));
          return rateOf(recordGap(stats, prior, nextGap, true, tuning)) > afterQuiet;
        }),
      );
    });
  });

  it('counts the changes it has seen, decayed with exposure', () => {
    const tuning = tuned({ rateMemoryMs: 10_000 });
    const prior = configuredPriors(tuning).playing;
    const once = recordGap(NO_EVIDENCE, prior, 1000, true, tuning);
    expect(changesSeen(once)).toBe(1);
    expect(changesSeen(recordGap(once, prior, 10_000, false, tuning))).toBeCloseTo(Math.exp(-1), 12);
  });
});
