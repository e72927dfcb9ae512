/**
 * Users waiting for room in the budget ledger. Once the ledger refuses a request it is full until `retryAt`;
 * without a line, every user whose request fell due meanwhile would ask again at that instant, one of them
 * would get the slot that freed and the rest would be refused again: a herd costing one refused reservation
 * (a Redis round trip) per waiting user for every slot. Instead, while the ledger is tight, requests due wait
 * here and one at a time goes out to find room: from `retryAt` on, and again after each grant. Once a grant
 * leaves nobody waiting, requests go out as they fall due again.
 *
 * Two lanes, each first come first served: urgent requests (see `isUrgentPoll`) go before deferrable ones,
 * whose moment matters less. Deferrable requests are paced worker-wide, so the deferrable lane as a whole
 * waits for the next pacing slot (`paceDeferrable`) while the urgent lane moves on; users whose deferrable
 * request is held back by pacing alone wait in that lane too, ledger full or not (the same herd, one look per
 * waiting user at every slot, otherwise). A user whose turn comes with nothing due after all leaves the line
 * (`released`) rather than holding it, and comes back when due; one still held by pacing keeps their place
 * (`notYet`).
 */
export class ReservationLine {
  private readonly urgent = new Set<string>();
  private readonly deferrable = new Set<string>();
  private tight = false;
  private fullUntil = -Infinity;
  /** The deferrable lane moves no earlier than this: the worker's next pacing slot. */
  private deferrableFrom = -Infinity;
  /** The user whose request went out to find room, until the ledger answers it. */
  private probe: string | null = null;

  get size(): number {
    return this.urgent.size + this.deferrable.size;
  }

  /** A request due now may go out at once: the ledger is not known to be full. */
  admits(): boolean {
    return !this.tight;
  }

  has(userId: string): boolean {
    return this.urgent.has(userId) || this.deferrable.has(userId);
  }

  /**
   * The user waits with a request due, urgent or not. A user already waiting keeps their place, except that a
   * request turned urgent moves them to the back of the urgent lane (ahead of every deferrable one).
   */
  join(userId: string, urgent: boolean): void {
    if (this.urgent.has(userId)) return;
    if (!urgent) {
      this.deferrable.add(userId);
      return;
    }
    this.deferrable.delete(userId);
    this.urgent.add(userId);
  }

  /** No deferrable request may go out before `at` (the worker's pacing): until then only urgent ones move. */
  paceDeferrable(at: number): void {
    this.deferrableFrom = at;
  }

  /**
   * The user whose turn it is to send a request to find room (they stay first in their lane until the ledger
   * answers): none before `retryAt`, none while an earlier one awaits the ledger's answer, urgent ones first,
   * and deferrable ones only from their pacing slot on.
   */
  takeNext(now: number): string | undefined {
    if (this.probe !== null || now < this.fullUntil) return undefined;
    const [first] = this.urgent.size > 0 ? this.urgent : now >= this.deferrableFrom ? this.deferrable : [];
    if (first !== undefined) this.probe = first;
    return first;
  }

  /** When the line can move without an answer from the ledger: Infinity while one is out or none waits. */
  nextMoveAt(): number {
    if (this.probe !== null) return Infinity;
    if (this.urgent.size > 0) return this.fullUntil;
    if (this.deferrable.size > 0) return Math.max(this.fullUntil, this.deferrableFrom);
    return Infinity;
  }

  /**
   * The user whose turn it was sent nothing the ledger answered (nothing was due after all, the cooldown, a
   * failure): they leave the line and the next may go.
   */
  released(userId: string): void {
    if (this.probe === userId) this.leave(userId);
  }

  /** The user whose turn it was has nothing to send yet (their request waits for pacing): they keep their place. */
  notYet(userId: string): void {
    if (this.probe === userId) this.probe = null;
  }

  /** The user is not polled any more. */
  leave(userId: string): void {
    if (this.probe === userId) this.probe = null;
    this.urgent.delete(userId);
    this.deferrable.delete(userId);
  }

  /** The ledger granted a user's reservation: there was room; with nobody waiting, the line is done. */
  granted(userId: string): void {
    this.leave(userId);
    if (this.probe === null && this.size === 0) this.tight = false;
  }

  /** The ledger refused a user's reservation: it is full until `retryAt` (a user whose turn it was stays first). */
  refused(userId: string, retryAt: number): void {
    if (this.probe === userId) this.probe = null;
    this.tight = true;
    this.fullUntil = Math.max(this.fullUntil, retryAt);
  }
}
