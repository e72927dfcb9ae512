import type { PlayerSnapshot } from '../snapshot';

/**
 * Whether the position moved other than by playing: the observed position lies outside the band the previous
 * observation allows, widened by `toleranceMs` for request latency. While playing throughout the band is one
 * point (extrapolated), while paused throughout it is the old position, and when play/pause toggled in between
 * the true position can be anywhere from the old position to where playing all along would have got. Positions
 * are capped at the item's duration (Spotify may report a little past the end). Both snapshots hold the same item.
 */
export function isSeek(
  prev: PlayerSnapshot,
  next: PlayerSnapshot,
  elapsed: number,
  durationMs: number,
  toleranceMs: number,
): boolean {
  const cap = durationMs > 0 ? durationMs : Number.POSITIVE_INFINITY;
  const low = Math.min(prev.isPlaying && next.isPlaying ? prev.progressMs + elapsed : prev.progressMs, cap);
  const high = Math.min(prev.isPlaying || next.isPlaying ? prev.progressMs + elapsed : prev.progressMs, cap);
  const observed = Math.min(next.progressMs, cap);
  return observed < low - toleranceMs || observed > high + toleranceMs;
}
