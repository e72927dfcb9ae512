import type { PlaybackItem } from '../contract/items';
import { isRecord } from '../core/normalize/guards';

/** The upcoming queue as the worker last observed it (`GET /v1/me/player/queue`). */
export interface QueueView {
  /** The item playing when the queue was observed, or null. */
  currentUri: string | null;
  /** The upcoming items in order (Spotify lists the context's next items after the user's queue). */
  items: PlaybackItem[];
  totalItems: number;
  /** When the worker observed it (ms since the epoch): the queue is polled less often than the player. */
  observedAt: number;
}

/**
 * The queue kept in a worker's stored engine state (`Stores.latestState`, opaque JSON there), or null before the
 * worker has observed it (or when what is stored is not an engine state).
 */
export function queueView(engineState: unknown): QueueView | null {
  if (!isRecord(engineState) || !isRecord(engineState.queue)) return null;
  const { currentUri, items, observedAt } = engineState.queue;
  if (!Array.isArray(items) || typeof observedAt !== 'number') return null;
  return {
    currentUri: typeof currentUri === 'string' ? currentUri : null,
    items: items as PlaybackItem[],
    totalItems: items.length,
    observedAt,
  };
}
