import type { UnpublishedEvent } from '../contract/events';
import type { PlayerSnapshot } from '../core/snapshot';

/** What one poll told the scheduler beyond the new state: which kinds of change it saw. */
export interface ObservedChanges {
  /**
   * A change nobody foretold: a listener action in the Spotify app (not the item's natural end, not a change
   * a live hint expected). The change-rate estimator learns from this.
   */
  sawUnpredictableChange: boolean;
  /** The item ended by itself (the natural advance, or an ad after it). */
  sawNaturalEnd: boolean;
  /** A hint's expected change showed: fast-following stops. */
  sawExpectedChange: boolean;
}

/** A successful `GET /v1/me/player` (a 204 is a snapshot with `active: false`). */
export interface PlayerPollOutcome extends ObservedChanges {
  snapshot: PlayerSnapshot;
  /**
   * When the request went out, if the caller knows. Spotify read the progress somewhere between this and
   * `snapshot.observedAt`: taking the midpoint rather than the receive time removes half a round trip of
   * lateness from the predicted end. Left out, the receive time stands in.
   */
  sentAt?: number;
}

/** A successful `GET /v1/me/player/queue`. */
export interface QueuePollOutcome {
  observedAt: number;
  sawExpectedChange: boolean;
}

/**
 * Reads the engine's `step` result for one observation. `volumeChanged` is left out: the engine holds a
 * drag's event and may release it at a later observation, while the same change's `playbackStateChanged` is
 * emitted at once. A `user` event counts as unpredictable only when no hint was consumed: a control route's
 * hint also gives `user`, and an unhinted action in the same observation as a hinted one is rare enough to
 * lose.
 */
export function observedChanges(
  events: readonly UnpublishedEvent[],
  consumedHintIds: readonly string[],
): ObservedChanges {
  const own = events.filter((event) => event.event !== 'volumeChanged');
  const sawExpectedChange = consumedHintIds.length > 0;
  return {
    sawUnpredictableChange: !sawExpectedChange && own.some((event) => event.data.source === 'user'),
    sawNaturalEnd: own.some((event) => event.data.source === 'auto'),
    sawExpectedChange,
  };
}
