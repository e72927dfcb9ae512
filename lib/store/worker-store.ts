/** Worker heartbeats: the live workers among which active users are shared. */
export interface WorkerStore {
  /** The worker is live until `now + ttlMs`. */
  heartbeat(workerId: string, now: number, ttlMs: number): Promise<void>;
  /** A worker shutting down leaves at once instead of lapsing. */
  removeWorker(workerId: string): Promise<void>;
  /** Workers whose heartbeat lasts beyond `now`, sorted; lapsed ones are pruned. */
  liveWorkers(now: number): Promise<string[]>;
}
