import type { QueueSnapshot } from '../snapshot';
import { alignQueues } from './align-queues';
import type { QueueChange } from './queue-change';

export interface QueueDiffContext {
  /**
   * The context, shuffle or repeat changed (seen in a player observation) since `prev` was taken: the queue was
   * rebuilt as a consequence, which is no edit.
   */
  playOrderChanged: boolean;
  /** How many upcoming items Spotify shows (`EngineOptions.queueWindowItems`). */
  queueWindowItems: number;
}

const NO_CHANGES: readonly QueueChange[] = Object.freeze([]);

/**
 * The edits between two queue observations: `removed` then `added` (both may happen at once), or `cleared`.
 *
 * - The natural advance is no edit: when the new current item is `prev.items[k]`, the first k + 1 items were
 *   played (or skipped over), not removed.
 * - Spotify shows a window of the queue. When `prev` filled it, after an advance by n up to n items appearing at
 *   the tail are the window sliding along the context; likewise each removal from the middle lets one more item
 *   in at the tail, and each insertion pushes one out — none of them is an edit. A shorter list showed all there
 *   was, so whatever appears or disappears at its tail is an edit.
 * - When the play order changed, or the new current item was not in the old queue (a new context started), the
 *   whole difference is a consequence: nothing is reported and `next` is the new baseline.
 */
export function diffQueue(
  prev: QueueSnapshot,
  next: QueueSnapshot,
  ctx: QueueDiffContext,
): readonly QueueChange[] {
  if (ctx.playOrderChanged) return NO_CHANGES;
  const advanced = advanceOf(prev, next.currentUri);
  if (advanced < 0) return NO_CHANGES;
  if (next.items.length === 0) {
    return prev.items.length > advanced ? [{ kind: 'queue', action: 'cleared', totalItems: 0 }] : NO_CHANGES;
  }
  const alignment = alignQueues(prev.items, advanced, next.items);
  const { removed, added } = alignment;
  if (removed.length === 0 && added.length === 0) return NO_CHANGES;
  const tailAdded = tailLength(added, alignment.lastAlignedAfter);
  const tailRemoved = tailLength(removed, alignment.lastAlignedBefore);
  const windowFull = prev.items.length >= ctx.queueWindowItems;
  const slidIn = windowFull ? Math.min(tailAdded, advanced + removed.length - tailRemoved) : 0;
  const pushedOut = windowFull ? Math.min(tailRemoved, added.length - tailAdded) : 0;
  const changes: QueueChange[] = [];
  const totalItems = next.items.length;
  if (removed.length > pushedOut) {
    const items = removed.slice(0, removed.length - pushedOut).map((index) => prev.items[index]!);
    changes.push({ kind: 'queue', action: 'removed', items, totalItems });
  }
  if (added.length > slidIn) {
    const items = added.slice(0, added.length - slidIn).map((index) => next.items[index]!);
    changes.push({ kind: 'queue', action: 'added', items, totalItems });
  }
  return changes;
}

/** How many items of `prev` the queue advanced past (0 when the current item is unchanged), or -1 for a new context. */
function advanceOf(prev: QueueSnapshot, currentUri: string | null): number {
  if (currentUri === prev.currentUri) return 0;
  const index = prev.items.findIndex((item) => item.uri === currentUri);
  return index < 0 ? -1 : index + 1;
}

/** How many of the ascending `indices` lie after `lastAligned`: the unaligned run at the end of the list. */
function tailLength(indices: readonly number[], lastAligned: number): number {
  let length = 0;
  while (length < indices.length && indices[indices.length - 1 - length]! > lastAligned) length += 1;
  return length;
}
