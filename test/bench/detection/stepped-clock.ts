import type { Clock } from '../../../lib/time/clock';

/**
 * A clock the baseline loop sets to each request's time (requests are taken in time order). Nothing in a
 * baseline run sleeps: latency is added to the observation time instead.
 */
export class SteppedClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  /** Moves to `at` (never backwards). */
  set(at: number): void {
    this.current = Math.max(this.current, at);
  }

  sleep(): Promise<void> {
    return Promise.reject(new Error('SteppedClock: a baseline run never sleeps'));
  }
}
