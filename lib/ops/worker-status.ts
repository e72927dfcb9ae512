import type { ListenerStatus } from '../contract/events';

/** What one worker says about each listener it polls, written with its heartbeat for the ops page. */
export interface PolledUserStatus {
  userId: string;
  /** The player cadence the scheduler chose, ms; null before the first poll. */
  cadenceMs: number | null;
  /** When the next player poll is due, ms since the epoch; null when none is planned. */
  nextPollAt: number | null;
  status: ListenerStatus;
}

export interface WorkerStatus {
  workerId: string;
  /** When it was written. */
  at: number;
  /** 429s this worker received since it started. */
  rateLimited: number;
  users: PolledUserStatus[];
}
