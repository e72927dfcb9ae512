import { STREAM_START_ID, type Stores } from '../../../../lib/store';
import type { StreamRecord } from '../delivery-check';
import { eventDigest } from '../load-generator/event-digest';

/** Every event each user's stream holds (id and payload digest), oldest first; `limit` per user. */
export async function readStreams(
  stores: Pick<Stores, 'eventStreams'>,
  userIds: readonly string[],
  limit = 1_000_000,
): Promise<Map<string, StreamRecord[]>> {
  const streams = new Map<string, StreamRecord[]>();
  for (const userId of userIds) {
    const { events, gap } = await stores.eventStreams.readAfter(userId, STREAM_START_ID, limit);
    if (gap) throw new Error(`the stream of ${userId} was trimmed: raise WEBSOCKET_MUSIC_BUFFER_SIZE`);
    streams.set(
      userId,
      events.map((entry) => ({ id: entry.id, digest: eventDigest(entry.event.event, entry.event.data) })),
    );
  }
  return streams;
}
