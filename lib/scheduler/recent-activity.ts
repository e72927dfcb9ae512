import type { GapBucket } from './change-rate';
import { censoredRateRoot, withChangedGap } from './change-rate';

/**
 * How much busier than usual a listener is now: a factor on their long-run rates (change-rate.ts) in every
 * state. App activity comes in bursts (a few minutes of skipping, pausing, resuming) that the long run, with
 * its memory of hours, cannot follow: with it alone a burst at five times the usual rate raised the poll rate
 * by a tenth where the square-root law asks for √5 ≈ 2.2 times (the restless benchmark workload: changes
 * in bursts waited 1.9 × their optimum, the others 0.9 ×; with this factor, 1.7 × and 0.95 ×). A burst
 * lifts every state's rate at once and often moves the listener between states (a resume, then skips), so
 * the evidence is kept per listener, each gap measured by the changes the long run expected in it (λ̂ₛ·T in
 * its state s). Over gaps of x expected
 * changes, the factor m is the root of the same censored likelihood as the rates, with a Gamma prior of
 * `RECENT_PRIOR_WEIGHT` changes at m = 1:
 *
 *   Σ_changed x/(e^(mx) − 1) + w/m = Σ_quiet x + w
 *
 * so the estimate the scheduler uses, m·λ̂ₛ, is the recent evidence shrunk towards the long run: a quiet spell
 * or a busy one moves it only as far as it is evidence, and with none it is the long-run rate. Evidence is
 * discounted by its age in time observed (`RECENT_MEMORY_MS`); a gap counts with the mean discount over its
 * span, (memory/T)·(1 − e^(−T/memory)), so one long gap does not outweigh the memory.
 */
export interface RecentActivity {
  /** Discounted changes the long run expected in the gaps in which nothing changed. */
  quiet: number;
  /** Gaps with a change, by the changes the long run expected in them (doubling buckets from 1/64). */
  changed: GapBucket[];
  /** The factor on the long-run rates, solved when evidence is added. */
  factor: number;
}

export const USUAL_ACTIVITY: Readonly<RecentActivity> = Object.freeze({ quiet: 0, changed: [], factor: 1 });

/**
 * Memory of the recent evidence, in time observed: a few minutes, the length of a spell of app activity, and
 * still a few polls' worth under a fifth of the usual budget.
 */
export const RECENT_MEMORY_MS = 300_000;
/**
 * How many changes' worth of evidence the long run counts for against the recent one: two, so one change
 * after a quiet spell does not double the rate on its own, while a burst of a few does.
 */
export const RECENT_PRIOR_WEIGHT = 2;

const FIRST_EDGE = 1 / 64;

/**
 * Adds one observed gap of `gapMs`, in which the long-run rates expected `expected` changes, and in which a
 * change was (or was not) seen.
 */
export function recordActivity(
  activity: RecentActivity,
  gapMs: number,
  expected: number,
  changed: boolean,
): RecentActivity {
  const decay = Math.exp(-gapMs / RECENT_MEMORY_MS);
  const weight = (-Math.expm1(-gapMs / RECENT_MEMORY_MS) * RECENT_MEMORY_MS) / gapMs;
  const quiet = decay * activity.quiet + (changed ? 0 : weight * expected);
  const next = withChangedGap(activity.changed, decay, changed ? expected : null, weight, FIRST_EDGE);
  return { quiet, changed: next, factor: censoredRateRoot(quiet, next, 1, RECENT_PRIOR_WEIGHT) };
}
