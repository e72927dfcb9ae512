/**
 * The outbound limit as a sliding window: at most `limit` sends in any `windowMs`. A send at `t` holds one slot
 * until `t + windowMs`. Pure arithmetic over the instants of the sends that still hold a slot, oldest first; a
 * user's list never holds more than `limit` of them.
 */
export interface SendWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** The sends of `sentAt` still holding a slot at `now`. */
export function heldSlots(sentAt: readonly number[], now: number, windowMs: number): readonly number[] {
  let first = 0;
  while (first < sentAt.length && (sentAt[first] as number) + windowMs <= now) first++;
  return first === 0 ? sentAt : sentAt.slice(first);
}

export function freeSlots(held: readonly number[], window: SendWindow): number {
  return Math.max(0, window.limit - held.length);
}

/** When a slot frees next: the end of the oldest slot that keeps the window full; `now` when one is free. */
export function nextFreeSlotAt(held: readonly number[], window: SendWindow, now: number): number {
  if (held.length < window.limit) return now;
  return (held[held.length - window.limit] as number) + window.windowMs;
}
