import type { WorkerStatus } from './worker-status';

/**
 * Where each worker leaves its latest status for the ops page (written with its heartbeat, gone when it stops
 * renewing it): Redis when processes share one, memory in a single process.
 */
export interface WorkerStatusStore {
  /** Replaces the worker's status; it lapses `ttlMs` after `now` unless written again. */
  write(status: WorkerStatus, now: number, ttlMs: number): Promise<void>;
  /** The statuses of `workerIds` that have not lapsed at `now`, in the order given. */
  read(workerIds: readonly string[], now: number): Promise<WorkerStatus[]>;
  /** Forgets a stopping worker's status. */
  remove(workerId: string): Promise<void>;
}
