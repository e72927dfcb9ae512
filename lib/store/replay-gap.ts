import { compareEventIds, parseEventId } from '../contract/event-id';

/** "Nothing before this": the `previous` of a stream's first event, and the `lastEventId` that asks for all. */
export const STREAM_START_ID = '0-0';

/** The oldest event a stream still holds, with the id of the event that came just before it. */
export interface OldestHeld {
  id: string;
  /** The id of the event appended before this one (trimmed since, or never shown), `0-0` if none. */
  previousId: string;
}

/**
 * Whether a reader who last saw `lastEventId` has missed events the stream no longer holds. Every event
 * records the id of its predecessor, so the answer is exact: there is no gap when the reader saw the event
 * just before the oldest one held, or anything later. An id the stream cannot account for (an expired stream,
 * a trimmed-away id that was not the last one trimmed, another stream's id) is a gap: a resync is always safe.
 */
export function hasReplayGap(lastEventId: string, oldest: OldestHeld | null): boolean {
  if (oldest === null) return lastEventId !== STREAM_START_ID;
  if (compareEventIds(lastEventId, oldest.id) >= 0) return false;
  return compareEventIds(lastEventId, oldest.previousId) !== 0;
}

export function assertEventId(where: string, id: string): void {
  if (typeof id !== 'string' || parseEventId(id) === null) {
    throw new RangeError(`${where}: lastEventId must be an event id '<ms>-<seq>', got ${JSON.stringify(id)}`);
  }
}
