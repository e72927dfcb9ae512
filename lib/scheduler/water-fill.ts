/**
 * The square-root law under bounds (Cho & Garcia-Molina): to minimize the mean detection delay Σλᵢ/(2rᵢ)/Σλᵢ
 * with total poll rate Σrᵢ = R, poll at rᵢ ∝ √λᵢ; with per-user bounds lowᵢ ≤ rᵢ ≤ highᵢ the optimum (KKT) is
 * rᵢ = clamp(c·√λᵢ, lowᵢ, highᵢ) for the one scale c that spends R: water-filling.
 */
export interface FillTarget {
  /** √λᵢ (> 0). */
  weight: number;
  /** Least poll rate (0 for none). */
  low: number;
  /** Most poll rate (> 0). */
  high: number;
}

export function clampedRate(scale: number, target: FillTarget): number {
  return Math.min(target.high, Math.max(target.low, scale * target.weight));
}

/** Σ rates at `scale`. */
export function totalRate(scale: number, targets: readonly FillTarget[]): number {
  let sum = 0;
  for (const target of targets) sum += clampedRate(scale, target);
  return sum;
}

const ITERATIONS = 200;

/**
 * The largest scale whose rates sum to at most `total` (Σ rates is non-decreasing in the scale), found by
 * bisection, so the plan never spends more than it has. The caller ensures Σ low ≤ total. When even every
 * user's highest rate fits, the scale that puts them all there.
 */
export function fillScale(targets: readonly FillTarget[], total: number): number {
  let upper = 0;
  for (const target of targets) upper = Math.max(upper, target.high / target.weight);
  if (totalRate(upper, targets) <= total) return upper;
  let lower = 0;
  for (let i = 0; i < ITERATIONS && upper - lower > upper * Number.EPSILON; i++) {
    const middle = (lower + upper) / 2;
    if (totalRate(middle, targets) <= total) lower = middle;
    else upper = middle;
  }
  return lower;
}
