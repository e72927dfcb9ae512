import type { SchedulerTuning } from './scheduler-tuning';
import type { PlaybackMode, UserSchedule } from './user-schedule';

/**
 * A listener's rate of unpredictable changes in one state, learned from what polls observe. A poll sees at
 * most "something changed since the last poll": over a gap T the chance of that is 1 − e^(−λT), so the
 * evidence is interval-censored, and counting changes per polled hour would come out low whenever λT is not
 * small. The estimate is the likelihood's root, with a Gamma prior of `priorWeight` changes at the state's
 * prior rate (so a new listener starts sane):
 *
 *   Σ_changed T/(e^(λT) − 1) + w/λ = quiet time + w/λ₀
 *
 * Gaps with a change are kept by length in doubling buckets (count and total length: the sum above is then
 * exact up to the spread within a bucket); all evidence decays with exposure (`rateMemoryMs`), so the
 * estimate follows a listener who changes habits. The root is solved when evidence is added and kept, because
 * the scheduler reads the rate far more often than it learns.
 */
export interface RateStats {
  /** Decayed length of the gaps in which nothing changed, ms. */
  quietMs: number;
  /**
   * Gaps with a change: bucket k holds those shorter than 500 ms·2^k (the last, the rest); empty before any.
   */
  changed: GapBucket[];
  /** The estimate in changes per ms, solved when the evidence last grew; null before any (the prior then). */
  ratePerMs: number | null;
}

export interface GapBucket {
  /** Decayed count. */
  count: number;
  /** Decayed total length, ms. */
  totalMs: number;
}

/** A rate per state. */
export type ModeRates = Record<PlaybackMode, number>;

export const NO_EVIDENCE: Readonly<RateStats> = Object.freeze({ quietMs: 0, changed: [], ratePerMs: null });

const HOUR_MS = 3_600_000;
const FIRST_EDGE_MS = 500;
const BUCKETS = 12;
const BISECTIONS = 60;

/** The tuning's prior rates, in changes per ms. */
export function configuredPriors(tuning: SchedulerTuning): ModeRates {
  return {
    playing: tuning.playingPriorPerHour / HOUR_MS,
    paused: tuning.pausedPriorPerHour / HOUR_MS,
    no_device: tuning.noDevicePriorPerHour / HOUR_MS,
  };
}

/** The rate the scheduler works with for a listener in a state, in changes per ms (always > 0). */
export function listenerRatePerMs(
  schedule: UserSchedule,
  mode: PlaybackMode,
  tuning: SchedulerTuning,
): number {
  return schedule.rates[mode].ratePerMs ?? configuredPriors(tuning)[mode];
}

/** A listener's estimated rates per state, in changes per hour (for health pages and metrics). */
export function ratesPerHour(schedule: UserSchedule, tuning: SchedulerTuning): ModeRates {
  const perHour = (mode: PlaybackMode) => listenerRatePerMs(schedule, mode, tuning) * HOUR_MS;
  return { playing: perHour('playing'), paused: perHour('paused'), no_device: perHour('no_device') };
}

/**
 * Adds one observed gap of `gapMs` spent in a state with prior `priorPerMs`, in which a change was (or was
 * not) seen.
 */
export function recordGap(
  stats: RateStats,
  priorPerMs: number,
  gapMs: number,
  changed: boolean,
  tuning: SchedulerTuning,
): RateStats {
  const decay = Math.exp(-gapMs / tuning.rateMemoryMs);
  const buckets = stats.changed.length === BUCKETS ? stats.changed : emptyBuckets();
  const target = changed ? bucketOf(gapMs) : -1;
  const next = {
    quietMs: decay * stats.quietMs + (changed ? 0 : gapMs),
    changed: buckets.map((bucket, k) => ({
      count: decay * bucket.count + (k === target ? 1 : 0),
      totalMs: decay * bucket.totalMs + (k === target ? gapMs : 0),
    })),
  };
  return { ...next, ratePerMs: solveRate(next, priorPerMs, tuning.priorWeight) };
}

/** Decayed count of the gaps in which something changed. */
export function changesSeen(stats: RateStats): number {
  return stats.changed.reduce((sum, bucket) => sum + bucket.count, 0);
}

function emptyBuckets(): GapBucket[] {
  return Array.from({ length: BUCKETS }, () => ({ count: 0, totalMs: 0 }));
}

function bucketOf(gapMs: number): number {
  return Math.min(BUCKETS - 1, Math.max(0, Math.floor(Math.log2(gapMs / FIRST_EDGE_MS)) + 1));
}

/**
 * The root of the likelihood equation (see above), by bisection on log λ: the left side falls from +∞ to 0 as
 * λ grows, the right side is positive, so there is exactly one.
 */
function solveRate(stats: Omit<RateStats, 'ratePerMs'>, priorPerMs: number, weight: number): number {
  const quiet = stats.quietMs + weight / priorPerMs;
  const excess = (rate: number) => {
    // Each bucket stands in for its gaps by their mean length: count · T̄/(e^(λT̄) − 1).
    let sum = weight / rate;
    for (const { count, totalMs } of stats.changed) {
      if (count > 0) sum += totalMs / Math.expm1((rate * totalMs) / count);
    }
    return sum - quiet;
  };
  let low = priorPerMs;
  let high = priorPerMs;
  while (excess(low) < 0) low /= 4;
  while (excess(high) > 0) high *= 4;
  for (let i = 0; i < BISECTIONS; i++) {
    const middle = Math.sqrt(low * high);
    if (excess(middle) > 0) low = middle;
    else high = middle;
  }
  return Math.sqrt(low * high);
}
