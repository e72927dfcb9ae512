/**
 * A what-if evaluator for unpredictable changes (Poisson, rate λᵢ per listener) under periodic polling: the
 * mean detection delay of a given set of intervals, and the least any allocation of the same poll rate could
 * reach (the square-root law). Rates in changes per hour, poll rate in polls per hour, delays in ms.
 */

const HOUR_MS = 3_600_000;

export interface PolledListener {
  changesPerHour: number;
  intervalMs: number;
}

/** Σλᵢ·Tᵢ/2 / Σλᵢ: a change waits half an interval on average. */
export function meanDelayMs(listeners: readonly PolledListener[]): number {
  let weighted = 0;
  let changes = 0;
  for (const { changesPerHour, intervalMs } of listeners) {
    weighted += (changesPerHour * intervalMs) / 2;
    changes += changesPerHour;
  }
  return weighted / changes;
}

/** Polls per hour the intervals spend. */
export function pollsPerHour(listeners: readonly PolledListener[]): number {
  return listeners.reduce((sum, { intervalMs }) => sum + HOUR_MS / intervalMs, 0);
}

/** (Σ√λᵢ)² / (2·B·Σλᵢ): the mean delay with rᵢ = B·√λᵢ/Σ√λⱼ, the best split of B polls per hour. */
export function optimalMeanDelayMs(changesPerHour: readonly number[], polls: number): number {
  const roots = changesPerHour.reduce((sum, rate) => sum + Math.sqrt(rate), 0);
  const total = changesPerHour.reduce((sum, rate) => sum + rate, 0);
  return ((roots * roots) / (2 * polls * total)) * HOUR_MS;
}
