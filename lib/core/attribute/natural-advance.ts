import type { PlaybackStateChange, TrackChangeEvidence } from '../diff/player-change';

/**
 * Whether an unhinted track change is playback moving on by itself: the previous item had ended (by
 * extrapolation) and, when the queue is known, the new item is where playback would go next — the queue's
 * head, a later item the time allowed for, or the same item again. Otherwise someone chose it in the Spotify app.
 */
export function isNaturalAdvance(evidence: TrackChangeEvidence): boolean {
  return evidence.previousEnded && evidence.queuePosition !== 'elsewhere';
}

/**
 * Whether a state change without a new item is playback moving on by itself: the previous item ended and only
 * the item changed, to an ad or to something Spotify does not describe.
 */
export function isNaturalItemEnd(change: PlaybackStateChange): boolean {
  return change.previousEnded && change.reasons.length === 1 && change.reasons[0] === 'item';
}
