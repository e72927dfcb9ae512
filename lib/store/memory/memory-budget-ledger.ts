import { assertInstant, assertPositiveDuration } from '../argument-checks';
import { assertReservationArgs, type BudgetLedger, type Reservation } from '../budget-ledger';

/** The reservations' instants in ascending order; only the current window is kept. */
export class MemoryBudgetLedger implements BudgetLedger {
  private instants: number[] = [];

  async tryReserve(now: number, windowMs: number, limit: number, count = 1): Promise<Reservation> {
    assertReservationArgs(now, windowMs, limit, count);
    const cutoff = now - windowMs;
    this.instants = this.instants.filter((instant) => instant > cutoff);
    const used = this.instants.length;
    if (used + count > limit) {
      return { granted: false, retryAt: (this.instants[used + count - limit - 1] as number) + windowMs };
    }
    const at = this.instants.findIndex((instant) => instant > now);
    const position = at === -1 ? used : at;
    this.instants.splice(position, 0, ...Array<number>(count).fill(now));
    return { granted: true };
  }

  async used(now: number, windowMs: number): Promise<number> {
    assertInstant('budget.used', 'now', now);
    assertPositiveDuration('budget.used', 'windowMs', windowMs);
    const cutoff = now - windowMs;
    return this.instants.filter((instant) => instant > cutoff).length;
  }
}
