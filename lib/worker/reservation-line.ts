/**
 * Users waiting for room in the budget ledger. Once the ledger refuses a request it is full until `retryAt`;
 * without a line, every user whose request fell due meanwhile would ask again at that instant, one of them
 * would get the slot that freed and the rest would be refused again: a herd costing one refused reservation
 * (a Redis round trip) per waiting user for every slot. Instead, while the ledger is tight, requests due wait
 * here in the order they fell due, and one at a time goes out to find room: from `retryAt` on, and again after
 * each grant. Once a grant leaves nobody waiting, requests go out as they fall due again.
 */
export class ReservationLine {
  private readonly waiting = new Set<string>();
  private tight = false;
  private fullUntil = -Infinity;
  /** The user whose request went out to find room, until the ledger answers it. */
  private probe: string | null = null;
  /** The first in line has nothing due before this (pacing): they keep their place and the line waits. */
  private firstDueAt = -Infinity;

  get size(): number {
    return this.waiting.size;
  }

  /** A request due now may go out at once: the ledger is not known to be full. */
  admits(): boolean {
    return !this.tight;
  }

  has(userId: string): boolean {
    return this.waiting.has(userId);
  }

  join(userId: string): void {
    this.waiting.add(userId);
  }

  /**
   * The user whose turn it is to send a request to find room (they stay first in line until the ledger grants
   * it): none before `retryAt`, and none while an earlier one awaits the ledger's answer.
   */
  takeNext(now: number): string | undefined {
    if (this.probe !== null || now < this.nextMoveAt()) return undefined;
    const [first] = this.waiting;
    if (first !== undefined) this.probe = first;
    return first;
  }

  /** When the line can move without an answer from the ledger: Infinity while one is out or none waits. */
  nextMoveAt(): number {
    return this.probe === null && this.waiting.size > 0
      ? Math.max(this.fullUntil, this.firstDueAt)
      : Infinity;
  }

  /** The user whose turn it is has nothing due before `at` after all: they keep their place until then. */
  holdUntil(userId: string, at: number): void {
    if (this.probe !== userId) return;
    this.probe = null;
    this.firstDueAt = at;
  }

  /**
   * The user whose turn it was sent nothing the ledger answered (nothing was due, the cooldown, a failure):
   * they leave the line and the next may go.
   */
  released(userId: string): void {
    if (this.probe === userId) this.leave(userId);
  }

  /** The user is not polled any more. */
  leave(userId: string): void {
    if (this.probe === userId) this.probe = null;
    const [first] = this.waiting;
    if (first === userId) this.firstDueAt = -Infinity;
    this.waiting.delete(userId);
  }

  /** The ledger granted a user's reservation: there was room; with nobody waiting, the line is done. */
  granted(userId: string): void {
    this.leave(userId);
    if (this.probe === null && this.waiting.size === 0) this.tight = false;
  }

  /** The ledger refused a user's reservation: it is full until `retryAt` (a user whose turn it was stays first). */
  refused(userId: string, retryAt: number): void {
    if (this.probe === userId) this.probe = null;
    this.tight = true;
    this.fullUntil = Math.max(this.fullUntil, retryAt);
  }
}
