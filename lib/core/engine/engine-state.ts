import type { UnpublishedPayload } from '../../contract/events';
import type { PlayerSnapshot, QueueSnapshot } from '../snapshot';

/**
 * Everything the engine remembers about one listener between observations. Plain JSON data: a worker stores
 * it as the listener's latest state, and a worker taking the listener over continues from it.
 */
export interface EngineState {
  /**
   * The last player observation applied (stale ones and Spotify's item-less switching blips are skipped); null
   * until the first one, which is the baseline.
   */
  player: PlayerSnapshot | null;
  /** The last queue observation; null until the first one, which is the baseline. */
  queue: QueueSnapshot | null;
  /**
   * A player observation showed the context, shuffle or repeat change since `queue` was observed, so the next
   * queue difference is a rebuilt queue, not edits. The worker polls the player before the queue for this: a
   * queue poll that sees a reshuffle before any player poll has seen it reports the difference as edits.
   */
  playOrderChangedSinceQueue: boolean;
  /**
   * A `volumeChanged` being held while a slider drag may go on. Its timestamp is the observation that saw its
   * value, the last change of the drag, from which the coalescing window runs.
   */
  heldVolume: UnpublishedPayload<'volumeChanged'> | null;
}

export function initialEngineState(): EngineState {
  return { player: null, queue: null, playOrderChangedSinceQueue: false, heldVolume: null };
}
