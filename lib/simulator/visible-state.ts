import type { ListenerState } from './player-state';

/**
 * Eventual consistency: what the Web API shows lags what is true. Each new true state becomes visible at its
 * `visibleAt`, never before an earlier one (visibility is in order), so a read at time t shows the latest state
 * whose `visibleAt <= t`. With no delay pending a new state is visible at once.
 */
export class VisibleState {
  private shown: ListenerState;
  private readonly pending: { visibleAt: number; state: ListenerState }[] = [];
  private lastVisibleAt: number;

  constructor(initial: ListenerState, at: number) {
    this.shown = initial;
    this.lastVisibleAt = at;
  }

  /** Records a new true state changed at `at`, visible after `delayMs`; returns when it becomes visible. */
  push(state: ListenerState, at: number, delayMs: number): number {
    const visibleAt = Math.max(at + delayMs, this.lastVisibleAt);
    this.lastVisibleAt = visibleAt;
    if (visibleAt <= at && this.pending.length === 0) this.shown = state;
    else this.pending.push({ visibleAt, state });
    return visibleAt;
  }

  /** The state the API shows at `at`. */
  at(at: number): ListenerState {
    while (this.pending.length > 0 && (this.pending[0] as { visibleAt: number }).visibleAt <= at) {
      this.shown = (this.pending.shift() as { state: ListenerState }).state;
    }
    return this.shown;
  }
}
