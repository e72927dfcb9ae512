import type { PlayerSnapshot } from '../snapshot';

/** Time between two observations, never negative (a takeover may meet a slightly skewed clock). */
export function elapsedBetween(prev: PlayerSnapshot, next: PlayerSnapshot): number {
  return Math.max(0, next.observedAt - prev.observedAt);
}

/**
 * How far `prev`'s item got by `elapsed` later, capped at its duration: it only moves while playing. This is
 * the furthest it can have got, which is what matters for "had it ended?" and "was it near the end?".
 */
export function reachedPosition(prev: PlayerSnapshot, elapsed: number, durationMs: number): number {
  const position = prev.isPlaying ? prev.progressMs + elapsed : prev.progressMs;
  return Math.min(position, durationMs);
}
