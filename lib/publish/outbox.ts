import type { UnpublishedEvent } from '../contract/events';
import { freeSlots, heldSlots, nextFreeSlotAt, type SendWindow } from './send-window';

/** One user's outbound state: the sends holding a slot of the window, and the events waiting for one. */
export interface Outbox {
  /** Instants of the sends still holding a slot, oldest first. */
  readonly sentAt: readonly number[];
  /** Events waiting for a slot, in the order they were published. */
  readonly pending: readonly UnpublishedEvent[];
}

export const EMPTY_OUTBOX: Outbox = Object.freeze({ sentAt: Object.freeze([]), pending: Object.freeze([]) });

export interface Release {
  outbox: Outbox;
  /** The events to send now, in order. */
  due: UnpublishedEvent[];
  /** How many waiting `playbackStateChanged` were dropped for a newer one. */
  coalesced: number;
  /** When the first waiting event may go; null when none waits. */
  nextReleaseAt: number | null;
}

/**
 * Queues `events` behind those waiting and sends what the window allows at `now`. Pure.
 *
 * Under the limit (everything fits) all of it goes, in order. Over it, the waiting line is coalesced before
 * slots are handed out: a `playbackStateChanged` carries the full state, so only the newest one waiting is kept
 * and the older ones are dropped; the newest keeps its own place (it does not move up into an older one's).
 * Every other event waits its turn and is never dropped. So what a client gets is always the published sequence
 * with some superseded states taken out: order is preserved, no state arrives before an event that preceded it
 * (a client never sees a state older than a `trackChanged` it already got), and the last state always arrives.
 */
export function admit(
  outbox: Outbox,
  events: readonly UnpublishedEvent[],
  now: number,
  window: SendWindow,
): Release {
  const held = heldSlots(outbox.sentAt, now, window.windowMs);
  const free = freeSlots(held, window);
  const waiting = events.length === 0 ? outbox.pending : [...outbox.pending, ...events];
  const line = waiting.length <= free ? { kept: waiting, dropped: 0 } : keepNewestState(waiting);
  const dueCount = Math.min(free, line.kept.length);
  const due = line.kept.slice(0, dueCount);
  const pending = line.kept.slice(dueCount);
  const sentAt = dueCount === 0 ? held : [...held, ...new Array<number>(dueCount).fill(now)];
  return {
    outbox: { sentAt, pending },
    due,
    coalesced: line.dropped,
    nextReleaseAt: pending.length === 0 ? null : nextFreeSlotAt(sentAt, window, now),
  };
}

/** Everything waiting, due at once whatever the window says (the publisher closing), and the emptied outbox. */
export function drain(outbox: Outbox): { outbox: Outbox; due: UnpublishedEvent[] } {
  return { outbox: { sentAt: outbox.sentAt, pending: [] }, due: [...outbox.pending] };
}

/** Nothing waits and no send holds a slot at `now`: the outbox is as good as `EMPTY_OUTBOX`. */
export function isIdle(outbox: Outbox, now: number, window: SendWindow): boolean {
  return outbox.pending.length === 0 && heldSlots(outbox.sentAt, now, window.windowMs).length === 0;
}

function keepNewestState(line: readonly UnpublishedEvent[]): { kept: UnpublishedEvent[]; dropped: number } {
  let newest = -1;
  for (let i = line.length - 1; i >= 0 && newest < 0; i--) {
    if (line[i]?.event === 'playbackStateChanged') newest = i;
  }
  const kept = line.filter((event, i) => event.event !== 'playbackStateChanged' || i === newest);
  return { kept, dropped: line.length - kept.length };
}
