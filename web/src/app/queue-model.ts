import type { MusicEvent } from '../../../lib/contract/events';
import type { PlaybackItem } from '../../../lib/contract/items';

/**
 * The upcoming queue as far as the client knows it: the server's list when it has a queue route, otherwise
 * what `queueUpdated` events told (additions, removals, clears) and `totalItems`, the queue's real length.
 */
export interface QueueModel {
  items: readonly PlaybackItem[];
  /** The queue's length as the server last said, or null before it said anything. */
  total: number | null;
}

export const EMPTY_QUEUE: QueueModel = { items: [], total: null };

export function fromItems(items: readonly PlaybackItem[]): QueueModel {
  return { items, total: items.length };
}

/** Items the client has not been told about (the queue was longer than the events described). */
export function unknownCount(queue: QueueModel): number {
  return queue.total === null ? 0 : Math.max(0, queue.total - queue.items.length);
}

export function applyQueueEvent(queue: QueueModel, event: MusicEvent): QueueModel {
  if (event.event === 'trackChanged') {
    // The natural advance: the head of the queue became the current item.
    if (queue.items[0]?.uri !== event.data.current.uri) return queue;
    return { items: queue.items.slice(1), total: queue.total === null ? null : Math.max(0, queue.total - 1) };
  }
  if (event.event !== 'queueUpdated') return queue;
  const { action, tracks = [], totalItems } = event.data;
  if (action === 'cleared') return { items: [], total: 0 };
  if (action === 'added') return { items: [...queue.items, ...tracks], total: totalItems };
  const items = [...queue.items];
  for (const removed of tracks) {
    const index = items.findIndex((item) => item.uri === removed.uri);
    if (index >= 0) items.splice(index, 1);
  }
  return { items, total: totalItems };
}
