import type { PlayerSnapshot } from '../snapshot';

/**
 * Whether `prev`'s item had ended by itself `elapsed` later: it was playing and, extrapolated, within
 * `endWindowMs` of its end. Ads cannot be skipped, so a playing ad that gave way has ended; a paused item cannot
 * have.
 */
export function previousEnded(prev: PlayerSnapshot, elapsed: number, endWindowMs: number): boolean {
  if (!prev.active || !prev.isPlaying) return false;
  if (prev.playingType === 'ad') return true;
  if (prev.item === null) return false;
  return prev.progressMs + elapsed >= prev.item.durationMs - endWindowMs;
}
