import type { MusicEvent, UnpublishedEvent } from '../contract/events';
import { withEventId } from '../contract/with-event-id';
import { StoreDataError } from './store-data-error';

/** One event of a user's stream with the id the stream gave it (also in `event.data.eventId`). */
export interface StreamEntry {
  id: string;
  event: MusicEvent;
}

export interface ReadAfterResult {
  /** The events after `lastEventId`, oldest first, at most `limit`; empty when `gap`. */
  events: StreamEntry[];
  /**
   * True when events after `lastEventId` are no longer held (trimmed, or the stream expired): the client must
   * resync instead of replaying.
   */
  gap: boolean;
}

/**
 * Each user's bounded event stream: the replay buffer of reconnecting clients (seed `ws:user:{id}:buffer`).
 * Ids are `<ms>-<seq>` (lib/contract/event-id.ts) with `ms` from the caller's clock, never going backwards.
 */
export interface EventStreamStore {
  /** Appends the event and returns its id; the oldest events beyond the buffer size are trimmed. */
  append(userId: string, event: UnpublishedEvent, now: number): Promise<string>;
  /** `lastEventId` `0-0` means "from the start". Throws a RangeError on a malformed id. */
  readAfter(userId: string, lastEventId: string, limit: number): Promise<ReadAfterResult>;
  /** The id of the newest event, or null when the stream is empty. */
  lastId(userId: string): Promise<string | null>;
}

/** The `ms` part of the id of an event appended at `now` (before the never-backwards rule). */
export function eventIdMs(where: string, now: number): number {
  if (typeof now !== 'number' || !Number.isFinite(now) || now < 0) {
    throw new RangeError(`${where}: now must be a finite number of ms >= 0, got ${String(now)}`);
  }
  return Math.floor(now);
}

/** What a stream entry holds: the event's name and payload, without the id (the stream's id is the id). */
export function serializeEvent(event: UnpublishedEvent): string {
  return JSON.stringify({ event: event.event, data: event.data });
}

/** Reads back what `serializeEvent` wrote and gives it its id; throws a StoreDataError on anything else. */
export function deserializeEvent(location: string, json: string, id: string): MusicEvent {
  const parsed: unknown = JSON.parse(json);
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as { event?: unknown }).event !== 'string' ||
    typeof (parsed as { data?: unknown }).data !== 'object' ||
    (parsed as { data?: unknown }).data === null
  ) {
    throw new StoreDataError(location, `entry ${id} is not an event`);
  }
  return withEventId(parsed as UnpublishedEvent, id);
}
