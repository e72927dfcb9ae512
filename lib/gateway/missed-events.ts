import type { MusicEvent, PlaybackState, PlaybackStateChangedPayload } from '../contract/events';
import { STREAM_START_ID } from '../store/replay-gap';
import type { Stores } from '../store/stores';

export type MissedEvents =
  | { kind: 'replay'; events: MusicEvent[] }
  /** The gap is past the buffer: the one state to send instead (null when no state is stored yet). */
  | { kind: 'resync'; state: PlaybackStateChangedPayload | null };

/**
 * What a client that last saw `lastEventId` missed (DESIGN section 5): the events after it, oldest first, read
 * in batches; or, when the stream no longer holds them all, the stored state as one `playbackStateChanged`
 * with `resync: true`. That state carries the id of the newest event read *before* the state, so any event
 * appended meanwhile has a later id and still reaches the client.
 */
export async function missedEvents(
  stores: Pick<Stores, 'eventStreams' | 'playbackStates'>,
  userId: string,
  lastEventId: string,
  batchSize: number,
  now: number,
): Promise<MissedEvents> {
  const events: MusicEvent[] = [];
  let cursor = lastEventId;
  for (;;) {
    const read = await stores.eventStreams.readAfter(userId, cursor, batchSize);
    if (read.gap) return { kind: 'resync', state: await resyncState(stores, userId, now) };
    for (const entry of read.events) events.push(entry.event);
    const last = read.events.at(-1);
    if (read.events.length < batchSize || last === undefined) return { kind: 'replay', events };
    cursor = last.id;
  }
}

async function resyncState(
  stores: Pick<Stores, 'eventStreams' | 'playbackStates'>,
  userId: string,
  now: number,
): Promise<PlaybackStateChangedPayload | null> {
  const eventId = (await stores.eventStreams.lastId(userId)) ?? STREAM_START_ID;
  const state = (await stores.playbackStates.get(userId)) as PlaybackState | null;
  if (state === null) return null;
  return { ...state, eventId, source: 'auto', timestamp: now, resync: true };
}
