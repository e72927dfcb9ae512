import type { PlaybackItem } from '../../contract/items';
import type { PlayerSnapshot, QueueSnapshot } from '../snapshot';
import type { QueuePosition } from './player-change';

/**
 * Where `current` stood in the known queue, read from the item after the previous one: the queue may have been
 * observed while the previous item was current or a little earlier (it is polled less often than the player).
 * A later item counts only when the previous item's rest and every item before it fit in `elapsed` (plus
 * `endWindowMs` of slack); otherwise someone skipped ahead. An item the queue does not hold is `unknown`: the
 * queue is polled less often than the player, and an item added since is what plays next.
 */
export function queuePositionOf(
  prev: PlayerSnapshot,
  current: PlaybackItem,
  queue: QueueSnapshot | null,
  elapsed: number,
  endWindowMs: number,
): QueuePosition {
  if (queue === null) return 'unknown';
  const previousUri = prev.item?.uri ?? null;
  const start = upcomingStart(queue, previousUri);
  const items = queue.items;
  if (start < 0 || start >= items.length) return 'unknown';
  const found = items.findIndex((item, index) => index >= start && item.uri === current.uri);
  // Not in the known queue: added after it was polled, or a context's item beyond it; nothing contradicts an end.
  if (found < 0) return 'unknown';
  if (found === start) return 'head';
  const previousRest = prev.item === null ? 0 : Math.max(0, prev.item.durationMs - prev.progressMs);
  let slack = elapsed + endWindowMs - previousRest;
  for (let index = start; index < found; index += 1) slack -= items[index]!.durationMs;
  return slack < 0 ? 'elsewhere' : 'later';
}

/** Index in `queue.items` of the item that follows `previousUri`, or -1 when the queue does not know it. */
function upcomingStart(queue: QueueSnapshot, previousUri: string | null): number {
  if (queue.currentUri === previousUri) return 0;
  for (let index = 0; index < queue.items.length; index += 1) {
    if (queue.items[index]!.uri === previousUri) return index + 1;
  }
  return -1;
}
