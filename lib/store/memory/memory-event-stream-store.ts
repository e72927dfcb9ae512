import type { UnpublishedEvent } from '../../contract/events';
import { compareEventIds, formatEventId, nextEventId, parseEventId } from '../../contract/event-id';
import { assertPositiveInteger } from '../argument-checks';
import {
  deserializeEvent,
  eventIdMs,
  serializeEvent,
  type EventStreamStore,
  type ReadAfterResult,
} from '../event-stream-store';
import { assertKeyPart } from '../key-part';
import { assertEventId, hasReplayGap, STREAM_START_ID } from '../replay-gap';

interface Entry {
  id: string;
  previousId: string;
  json: string;
}

/** Streams of exactly `bufferSize` events at most, with the same ids and gap rule as the Redis streams. */
export class MemoryEventStreamStore implements EventStreamStore {
  private readonly streams = new Map<string, Entry[]>();

  constructor(private readonly bufferSize: number) {}

  async append(userId: string, event: UnpublishedEvent, now: number): Promise<string> {
    assertKeyPart('userId', userId);
    const ms = eventIdMs('eventStreams.append', now);
    let entries = this.streams.get(userId);
    if (!entries) this.streams.set(userId, (entries = []));
    const newest = entries.at(-1);
    const next = nextEventId(newest ? parseEventId(newest.id) : null, ms);
    const id = formatEventId(next.ms, next.seq);
    entries.push({ id, previousId: newest?.id ?? STREAM_START_ID, json: serializeEvent(event) });
    if (entries.length > this.bufferSize) entries.splice(0, entries.length - this.bufferSize);
    return id;
  }

  async readAfter(userId: string, lastEventId: string, limit: number): Promise<ReadAfterResult> {
    assertKeyPart('userId', userId);
    assertEventId('eventStreams.readAfter', lastEventId);
    assertPositiveInteger('eventStreams.readAfter', 'limit', limit);
    const entries = this.streams.get(userId) ?? [];
    const oldest = entries[0];
    if (hasReplayGap(lastEventId, oldest ? { id: oldest.id, previousId: oldest.previousId } : null)) {
      return { events: [], gap: true };
    }
    const events = entries
      .filter((entry) => compareEventIds(entry.id, lastEventId) > 0)
      .slice(0, limit)
      .map((entry) => ({
        id: entry.id,
        event: deserializeEvent(`stream of ${userId}`, entry.json, entry.id),
      }));
    return { events, gap: false };
  }

  async lastId(userId: string): Promise<string | null> {
    assertKeyPart('userId', userId);
    return this.streams.get(userId)?.at(-1)?.id ?? null;
  }
}
