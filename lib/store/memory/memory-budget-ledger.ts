import { assertInstant, assertPositiveDuration } from '../argument-checks';
import {
  assertReservationArgs,
  type BudgetLedger,
  type GuardedReservation,
  type Reservation,
} from '../budget-ledger';
import type { Cooldown } from '../cooldown-store';

/**
 * The reservations' instants in ascending order from `head` on; those before `head` have left the window.
 * Pruning moves `head` (the array is compacted once half of it is dead) and a reservation at the latest
 * instant is appended, so a call costs O(1) amortized however many the window holds.
 */
export class MemoryBudgetLedger implements BudgetLedger {
  private instants: number[] = [];
  private head = 0;

  /** `cooldownAt(now)`: the stores' cooldown in force at `now`, read synchronously. */
  constructor(private readonly cooldownAt: (now: number) => Cooldown | null) {}

  async tryReserve(now: number, windowMs: number, limit: number, count = 1): Promise<Reservation> {
    assertReservationArgs(now, windowMs, limit, count);
    return this.reserve(now, windowMs, limit, count);
  }

  async tryReserveOutsideCooldown(
    now: number,
    windowMs: number,
    limit: number,
    count = 1,
  ): Promise<GuardedReservation> {
    assertReservationArgs(now, windowMs, limit, count);
    const cooldown = this.cooldownAt(now);
    if (cooldown !== null) return { granted: false, retryAt: cooldown.until, cooldown };
    const reservation = this.reserve(now, windowMs, limit, count);
    return reservation.granted ? reservation : { ...reservation, cooldown: null };
  }

  async used(now: number, windowMs: number): Promise<number> {
    assertInstant('budget.used', 'now', now);
    assertPositiveDuration('budget.used', 'windowMs', windowMs);
    const cutoff = now - windowMs;
    let count = 0;
    for (let i = this.instants.length - 1; i >= this.head && (this.instants[i] as number) > cutoff; i--) {
      count++;
    }
    return count;
  }

  private reserve(now: number, windowMs: number, limit: number, count: number): Reservation {
    this.prune(now - windowMs);
    const used = this.instants.length - this.head;
    if (used + count > limit) {
      const blocking = this.instants[this.head + used + count - limit - 1] as number;
      return { granted: false, retryAt: blocking + windowMs };
    }
    this.instants.splice(this.insertionPoint(now), 0, ...Array<number>(count).fill(now));
    return { granted: true };
  }

  /** Drops the instants at or before `cutoff`. */
  private prune(cutoff: number): void {
    while (this.head < this.instants.length && (this.instants[this.head] as number) <= cutoff) this.head++;
    if (this.head > 0 && this.head * 2 >= this.instants.length) {
      this.instants = this.instants.slice(this.head);
      this.head = 0;
    }
  }

  /** Where `now` goes to keep the order: after every instant not later than it (usually the end). */
  private insertionPoint(now: number): number {
    let low = this.head;
    let high = this.instants.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.instants[middle] as number) <= now) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
