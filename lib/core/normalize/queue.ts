import type { PlaybackItem } from '../../contract/items';
import type { QueueSnapshot } from '../snapshot';
import type { JsonRecord } from './guards';
import { arrayAt, isRecord, malformed, nullableRecordAt, stringAt } from './guards';
import { parseItem } from './item';
import { normalizeResponse } from './response';
import type { NormalizeResult } from './result';

export function emptyQueueSnapshot(observedAt: number): QueueSnapshot {
  return { observedAt, currentUri: null, items: [] };
}

function currentUriOf(body: JsonRecord): string | null {
  const current = nullableRecordAt(body, 'currently_playing', '');
  return current === null ? null : stringAt(current, 'uri', 'currently_playing');
}

function queueItemsOf(body: JsonRecord): PlaybackItem[] {
  if (body.queue === null || body.queue === undefined) return [];
  const items: PlaybackItem[] = [];
  for (const [index, entry] of arrayAt(body, 'queue', '').entries()) {
    const path = `queue[${index}]`;
    if (!isRecord(entry)) malformed(path, 'a track or episode object', entry);
    const item = parseItem(entry, path);
    if (item !== null) items.push(item);
  }
  return items;
}

/**
 * `GET /v1/me/player/queue` → a `QueueSnapshot`; never throws.
 *
 * - 204, or a 200 without content, is the empty queue; other statuses are rejected.
 * - `currently_playing` may be null or missing (→ `currentUri: null`); only its `uri` is read.
 * - `queue` missing or null is empty. Its entries are tracks or episodes, read fully; an entry of another
 *   `type` is left out (the contract has no shape for it), a non-object entry is rejected.
 */
export function normalizeQueue(
  status: number,
  body: unknown,
  observedAt: number,
): NormalizeResult<QueueSnapshot> {
  return normalizeResponse(
    status,
    body,
    () => emptyQueueSnapshot(observedAt),
    (record) => ({ observedAt, currentUri: currentUriOf(record), items: queueItemsOf(record) }),
  );
}
