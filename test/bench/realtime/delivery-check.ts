import { compareEventIds } from '../../../lib/contract/event-id';
import type { Arrival } from './load-generator/protocol';

/** What one user's stream holds: each event's id and digest, oldest first. */
export interface StreamRecord {
  id: string;
  digest: string;
}

export interface DeliveryReport {
  sockets: number;
  /** Events in the streams of the users with a socket, and the deliveries that makes (events × their sockets). */
  streamEvents: number;
  expectedDeliveries: number;
  delivered: number;
  /** Stream events a socket of the user never received. */
  missing: number;
  /** Received more than once by the same socket. */
  duplicates: number;
  /** Received by a socket, but not in its user's stream with that id and payload: another user's, or altered. */
  foreign: number;
  /** Received after an event with a higher id. */
  outOfOrder: number;
}

/**
 * Compares what each socket received with its user's stream: every event exactly once, in id order, nothing
 * that is not the user's. `arrivalsBySocket[i]` belongs to `socketUsers[i]`.
 */
export function checkDeliveries(
  socketUsers: readonly string[],
  arrivalsBySocket: ReadonlyArray<readonly Arrival[]>,
  streams: ReadonlyMap<string, readonly StreamRecord[]>,
): DeliveryReport {
  const report: DeliveryReport = {
    sockets: socketUsers.length,
    streamEvents: 0,
    expectedDeliveries: 0,
    delivered: 0,
    missing: 0,
    duplicates: 0,
    foreign: 0,
    outOfOrder: 0,
  };
  for (const stream of streams.values()) report.streamEvents += stream.length;
  socketUsers.forEach((userId, socket) => {
    const stream = streams.get(userId) ?? [];
    const expected = new Map(stream.map((record) => [record.id, record.digest]));
    const seen = new Set<string>();
    let newest: string | null = null;
    report.expectedDeliveries += stream.length;
    for (const [, , eventId, , , digest] of arrivalsBySocket[socket] ?? []) {
      report.delivered++;
      if (expected.get(eventId) !== digest) {
        report.foreign++;
        continue;
      }
      if (seen.has(eventId)) {
        report.duplicates++;
        continue;
      }
      seen.add(eventId);
      if (newest !== null && compareEventIds(eventId, newest) < 0) report.outOfOrder++;
      else newest = eventId;
    }
    report.missing += stream.length - seen.size;
  });
  return report;
}

/** Splits a generator's arrivals by socket index. */
export function arrivalsBySocket(arrivals: readonly Arrival[], sockets: number): Arrival[][] {
  const split: Arrival[][] = Array.from({ length: sockets }, () => []);
  for (const arrival of arrivals) split[arrival[0]]?.push(arrival);
  return split;
}

export function deliveriesExact(report: DeliveryReport): boolean {
  return report.missing === 0 && report.duplicates === 0 && report.foreign === 0 && report.outOfOrder === 0;
}
