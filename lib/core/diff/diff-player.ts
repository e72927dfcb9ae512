import type { EngineOptions } from '../engine-options';
import { toPlaybackState } from '../playback-state';
import type { PlayerSnapshot, QueueSnapshot } from '../snapshot';
import { detectDeviceChange, detectVolumeChange } from './device-change';
import { elapsedBetween } from './elapsed';
import type { PlayerChange } from './player-change';
import { playbackStateReasons } from './playback-state-reasons';
import { previousEnded } from './previous-ended';
import { detectTrackChange } from './track-change';

export interface PlayerDiffContext {
  options: EngineOptions;
  /** The last queue observation, for telling a natural advance from a skip; null when none is usable. */
  queue: QueueSnapshot | null;
}

const NO_CHANGES: readonly PlayerChange[] = Object.freeze([]);

/**
 * The changes between two player observations of one listener, in the order track, device, playbackState,
 * volume. Every change of the state comes with exactly one `playbackState` change carrying the full new state;
 * ordinary progress is no change. Pure.
 */
export function diffPlayer(
  prev: PlayerSnapshot,
  next: PlayerSnapshot,
  ctx: PlayerDiffContext,
): readonly PlayerChange[] {
  const elapsed = elapsedBetween(prev, next);
  const ended = previousEnded(prev, elapsed, ctx.options.endWindowMs);
  const track = detectTrackChange(prev, next, elapsed, ended, ctx.queue, ctx.options);
  const reasons = playbackStateReasons(prev, next, track !== null, elapsed, ctx.options.seekToleranceMs);
  if (reasons === null) return NO_CHANGES;
  const changes: PlayerChange[] = [];
  if (track !== null) changes.push(track);
  const device = detectDeviceChange(prev, next);
  if (device !== null) changes.push(device);
  changes.push({ kind: 'playbackState', state: toPlaybackState(next), reasons, previousEnded: ended });
  const volume = detectVolumeChange(prev, next);
  if (volume !== null) changes.push(volume);
  return changes;
}
