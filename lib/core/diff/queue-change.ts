import type { PlaybackItem } from '../../contract/items';

/** What `diffQueue` found: edits of the upcoming queue, never its natural advance. */
export type QueueChange =
  | {
      kind: 'queue';
      action: 'added' | 'removed';
      /** In queue order. */
      items: readonly PlaybackItem[];
      /** Length of the upcoming queue after the change. */
      totalItems: number;
    }
  | { kind: 'queue'; action: 'cleared'; totalItems: 0 };
