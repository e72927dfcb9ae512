import type { DeviceInfo, PlayerSnapshot } from '../snapshot';
import { inactiveSnapshot } from '../snapshot';
import type { PlaybackStateReason } from './player-change';
import { sameDevice } from './same-device';
import { isSeek } from './seek';

/**
 * Why the state changed between two observations, or null when it did not (ordinary progress included). Across
 * a change of activity (200 ↔ 204) the inactive side reads as the empty state, so `isPlaying` and `context`
 * also say whether those changed (a hint waiting for playback to start needs to know). `newItem` is true when a
 * track change (a restart included) was detected; a seek is only looked for within one item.
 */
export function playbackStateReasons(
  prev: PlayerSnapshot,
  next: PlayerSnapshot,
  newItem: boolean,
  elapsed: number,
  seekToleranceMs: number,
): PlaybackStateReason[] | null {
  if (!prev.active && !next.active) return null;
  let reasons: PlaybackStateReason[] | null = prev.active !== next.active ? ['activity'] : null;
  const before = prev.active ? prev : inactiveSnapshot(prev.observedAt);
  const after = next.active ? next : inactiveSnapshot(next.observedAt);
  const itemChanged =
    newItem ||
    (before.item?.uri ?? null) !== (after.item?.uri ?? null) ||
    before.playingType !== after.playingType;
  if (itemChanged) reasons = withReason(reasons, 'item');
  if (before.isPlaying !== after.isPlaying) reasons = withReason(reasons, 'isPlaying');
  if (deviceDiffers(before.device, after.device)) reasons = withReason(reasons, 'device');
  if (before.shuffle !== after.shuffle) reasons = withReason(reasons, 'shuffle');
  if (before.repeat !== after.repeat) reasons = withReason(reasons, 'repeat');
  if ((before.device?.volume ?? null) !== (after.device?.volume ?? null)) {
    reasons = withReason(reasons, 'volume');
  }
  if (contextDiffers(before, after)) reasons = withReason(reasons, 'context');
  const item = after.item;
  if (!itemChanged && item !== null && isSeek(before, after, elapsed, item.durationMs, seekToleranceMs)) {
    reasons = withReason(reasons, 'seek');
  }
  return reasons;
}

/** Allocates only when there is something to say: most polls change nothing. */
function withReason(
  reasons: PlaybackStateReason[] | null,
  reason: PlaybackStateReason,
): PlaybackStateReason[] {
  if (reasons === null) return [reason];
  reasons.push(reason);
  return reasons;
}

/**
 * Spotify sends an ad with `context: null`: the ad interrupts the context rather than leaving it, so neither the
 * way into such an ad nor the way back out of it is a change of context (nor a reason to distrust the queue).
 */
function contextDiffers(before: PlayerSnapshot, after: PlayerSnapshot): boolean {
  if (isAdWithoutContext(before) || isAdWithoutContext(after)) return false;
  return before.contextUri !== after.contextUri;
}

function isAdWithoutContext(snapshot: PlayerSnapshot): boolean {
  return snapshot.playingType === 'ad' && snapshot.contextUri === null;
}

function deviceDiffers(a: DeviceInfo | null, b: DeviceInfo | null): boolean {
  if (a === null || b === null) return a !== b;
  return !sameDevice(a, b) || a.name !== b.name;
}
