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
  /** Decayed total length (ms, or in the unit of the evidence it belongs to). */
  total: number;
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

/** A listener's long-run rate in a state, in changes per ms (always > 0). */
export function longRunRatePerMs(
  schedule: UserSchedule,
  mode: PlaybackMode,
  tuning: SchedulerTuning,
): number {
  return schedule.rates[mode].ratePerMs ?? configuredPriors(tuning)[mode];
}

/**
 * The rate the scheduler works with for a listener in a state, in changes per ms (always > 0): the long run's
 * times how busy the listener is now (recent-activity.ts).
 */
export function listenerRatePerMs(
  schedule: UserSchedule,
  mode: PlaybackMode,
  tuning: SchedulerTuning,
): number {
  return longRunRatePerMs(schedule, mode, tuning) * schedule.activity.factor;
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
  const quietMs = decay * stats.quietMs + (changed ? 0 : gapMs);
  const next = withChangedGap(stats.changed, decay, changed ? gapMs : null, 1, FIRST_EDGE_MS);
  return {
    quietMs,
    changed: next,
    ratePerMs: censoredRateRoot(quietMs, next, priorPerMs, tuning.priorWeight),
  };
}

/** Decayed count of the gaps in which something changed. */
export function changesSeen(stats: RateStats): number {
  return stats.changed.reduce((sum, bucket) => sum + bucket.count, 0);
}

/**
 * Gap buckets aged by `decay`, plus a gap with a change of `length` (null for none) counted `weight` times:
 * bucket k holds the gaps shorter than `firstEdge`·2^k (the last, the rest).
 */
export function withChangedGap(
  buckets: readonly GapBucket[],
  decay: number,
  length: number | null,
  weight: number,
  firstEdge: number,
): GapBucket[] {
  const target = length === null ? -1 : bucketOf(length, firstEdge);
  const from = buckets.length === BUCKETS ? buckets : EMPTY_BUCKETS;
  return from.map((bucket, k) => ({
    count: decay * bucket.count + (k === target ? weight : 0),
    total: decay * bucket.total + (k === target ? weight * (length as number) : 0),
  }));
}

const EMPTY_BUCKETS: readonly GapBucket[] = Array.from({ length: BUCKETS }, () => ({ count: 0, total: 0 }));

function bucketOf(length: number, firstEdge: number): number {
  return Math.min(BUCKETS - 1, Math.max(0, Math.floor(Math.log2(length / firstEdge)) + 1));
}

/**
 * The root of the likelihood equation (see above) for censored gaps in any unit of length (ms here; changes
 * the long run expected in `recent-activity.ts`), by bisection on log λ: the left side falls from +∞ to 0 as
 * λ grows, the right side is positive, so there is exactly one.
 */
export function censoredRateRoot(
  quiet: number,
  changed: readonly GapBucket[],
  prior: number,
  weight: number,
): number {
  const right = quiet + weight / prior;
  const excess = (rate: number) => {
    // Each bucket stands in for its gaps by their mean length: count · T̄/(e^(λT̄) − 1).
    let sum = weight / rate;
    for (const { count, total } of changed) {
      if (count > 0) sum += total / Math.expm1((rate * total) / count);
    }
    return sum - right;
  };
  let low = prior;
  let high = prior;
  while (excess(low) < 0) low /= 4;
  while (excess(high) > 0) high *= 4;
  for (let i = 0; i < BISECTIONS; i++) {
    const middle = Math.sqrt(low * high);
    if (excess(middle) > 0) low = middle;
    else high = middle;
  }
  return Math.sqrt(low * high);
}
