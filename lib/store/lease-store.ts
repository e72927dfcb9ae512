/**
 * Which worker polls which user: a user is polled by the holder of their lease, which lapses `ttlMs` after it
 * was last taken or renewed (by the callers' clock), so a dead worker's users are taken over.
 */
export interface LeaseStore {
  /** True when `workerId` holds the lease until `now + ttlMs`: it was free, had lapsed, or was ours (renewed). */
  acquireLease(userId: string, workerId: string, now: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `workerId` holds it; true when it did. */
  releaseLease(userId: string, workerId: string): Promise<boolean>;
  /** The worker holding the user's lease at `now`, or null. */
  leaseOwner(userId: string, now: number): Promise<string | null>;
  /** The users whose lease `workerId` holds at `now`, sorted. */
  leasesOf(workerId: string, now: number): Promise<string[]>;
}
