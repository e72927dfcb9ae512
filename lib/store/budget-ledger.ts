import { assertInstant, assertPositiveDuration, assertPositiveInteger } from './argument-checks';
import type { Cooldown } from './cooldown-store';

export type Reservation = { granted: true } | { granted: false; retryAt: number };

/**
 * A reservation that also respected the app-wide cooldown. Refused while a cooldown is in force (`cooldown`,
 * and `retryAt` is its end) or when the window is full (`cooldown` null); granted means no cooldown was in
 * force at `now`.
 */
export type GuardedReservation =
  { granted: true } | { granted: false; retryAt: number; cooldown: Cooldown | null };

/**
 * The cluster-wide Spotify request budget: a sliding window of reservations, never exceeded. A reservation at
 * `now` counts while it lies in `(now - windowMs, now]`; one recorded by a clock running ahead counts too.
 * Callers use one `windowMs` per ledger (a call prunes what is outside its window).
 */
export interface BudgetLedger {
  /**
   * Reserves `count` requests at `now` when the window then holds at most `limit`; otherwise reserves nothing
   * and says when enough earlier reservations will have left the window. `count` must not exceed `limit`.
   */
  tryReserve(now: number, windowMs: number, limit: number, count?: number): Promise<Reservation>;
  /**
   * `tryReserve` unless the cooldown of the same stores (`CooldownStore`) is in force at `now`, checked and
   * reserved atomically: what a worker asks just before each request, in one round trip to Redis.
   */
  tryReserveOutsideCooldown(
    now: number,
    windowMs: number,
    limit: number,
    count?: number,
  ): Promise<GuardedReservation>;
  /** Reservations in the window ending at `now`. */
  used(now: number, windowMs: number): Promise<number>;
}

export function assertReservationArgs(now: number, windowMs: number, limit: number, count: number): void {
  assertInstant('budget.tryReserve', 'now', now);
  assertPositiveDuration('budget.tryReserve', 'windowMs', windowMs);
  assertPositiveInteger('budget.tryReserve', 'limit', limit);
  assertPositiveInteger('budget.tryReserve', 'count', count);
  if (count > limit) {
    throw new RangeError(
      `budget.tryReserve: count (${count}) exceeds limit (${limit}) and could never be granted`,
    );
  }
}
