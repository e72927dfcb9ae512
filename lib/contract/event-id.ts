/**
 * Event ids are `<ms>-<seq>`, the Redis stream id of the event in the user's stream (the in-memory store and
 * replay build them the same way). They order events; compare them as number pairs, never as strings.
 */
export interface EventIdParts {
  ms: number;
  seq: number;
}

const EVENT_ID = /^(\d{1,16})-(\d{1,16})$/;

export function formatEventId(ms: number, seq: number): string {
  return `${ms}-${seq}`;
}

/** Parses an event id; null when it is not of the form `<ms>-<seq>`. */
export function parseEventId(id: string): EventIdParts | null {
  const match = EVENT_ID.exec(id);
  if (!match) return null;
  const ms = Number(match[1]);
  const seq = Number(match[2]);
  if (!Number.isSafeInteger(ms) || !Number.isSafeInteger(seq)) return null;
  return { ms, seq };
}

/** Negative when a < b, 0 when equal, positive when a > b. Throws on a malformed id. */
export function compareEventIds(a: string, b: string): number {
  const pa = parseEventId(a);
  const pb = parseEventId(b);
  if (!pa) throw new TypeError(`not an event id: ${JSON.stringify(a)}`);
  if (!pb) throw new TypeError(`not an event id: ${JSON.stringify(b)}`);
  return pa.ms !== pb.ms ? pa.ms - pb.ms : pa.seq - pb.seq;
}

/**
 * The id an event appended at `ms` gets after `last`, as Redis assigns stream ids: `<ms>-0` when time moved on,
 * otherwise the next sequence number of the last id's millisecond (time never runs backwards in a stream).
 */
export function nextEventId(last: EventIdParts | null, ms: number): EventIdParts {
  if (last === null || ms > last.ms) return { ms, seq: 0 };
  return { ms: last.ms, seq: last.seq + 1 };
}
