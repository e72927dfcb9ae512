import type { EngineOptions } from '../engine-options';
import type { PlayerSnapshot } from '../snapshot';
import { reachedPosition } from './elapsed';

/**
 * Whether the same item started over (repeat-one, or replayed) rather than being sought back: it plays, and the
 * position jumped back near the start after the previous observation (extrapolated) had listened to most of it
 * or was near its end. Both snapshots hold the same item; a jump back from early in the item is a seek. Paused
 * at the start is no restart, since nothing started (Spotify stops like that at the end of a context).
 */
export function isRestart(
  prev: PlayerSnapshot,
  next: PlayerSnapshot,
  elapsed: number,
  durationMs: number,
  options: EngineOptions,
): boolean {
  if (!next.isPlaying || durationMs <= 0) return false;
  const reached = reachedPosition(prev, elapsed, durationMs);
  if (next.progressMs >= reached - options.seekToleranceMs) return false;
  const nearStart =
    next.progressMs <= options.restartNearStartMs ||
    next.progressMs <= options.restartNearStartFraction * durationMs;
  if (!nearStart) return false;
  return (
    reached >= options.restartListenedFraction * durationMs ||
    reached >= durationMs - options.restartNearEndMs ||
    reached >= (1 - options.restartNearEndFraction) * durationMs
  );
}
