/**
 * A hint says "a change of this kind is about to happen, and here is who caused it". The LLM route records one
 * (`source: 'ai'`) and a control route records one (`source: 'user'`) around its call to Spotify; the change the
 * poller then sees takes the hint's source and metadata. See DESIGN section 2.
 */

/** What the caller expects Spotify to show once its command has taken effect. All fields optional. */
export interface HintExpectation {
  trackUri?: string;
  contextUri?: string;
  isPlaying?: boolean;
  volume?: number;
  deviceId?: string;
  queueAdded?: string[];
}

/** What a caller hands to `recordHint` (and what a poll-log `hint` line holds). */
export interface HintInput {
  source: 'ai' | 'user';
  /** What the command was meant to do, e.g. `play_specific_song`, `pause`, `queue_multiple_songs`. */
  intent: string;
  /** Without it, the hint matches the first change observed while it is live. */
  expect?: HintExpectation;
  reasoning?: string;
  isAIDiscovery?: boolean;
  /** How long the hint stays live after it is recorded, in ms. */
  ttlMs: number;
}

/** A stored hint. */
export interface Hint extends HintInput {
  id: string;
  /** When it was recorded (ms since the epoch); live in [recordedAt, recordedAt + ttlMs). */
  recordedAt: number;
  /**
   * Set when the host already emitted the event itself (library mode): the poller's sight of the same change
   * consumes the hint and emits nothing.
   */
  announced?: boolean;
}

export function isHintLive(hint: Hint, at: number): boolean {
  return at >= hint.recordedAt && at < hint.recordedAt + hint.ttlMs;
}

/** Past its ttl: it can never claim a change again (unlike a hint not live yet, which a later line may meet). */
export function isHintExpired(hint: Hint, at: number): boolean {
  return at >= hint.recordedAt + hint.ttlMs;
}
