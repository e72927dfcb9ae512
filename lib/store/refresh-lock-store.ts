/**
 * Cross-worker single-flight token refresh: at most one holder per user, so a 401 seen by several requests at
 * once costs one refresh. A holder that dies lets the lock lapse after its ttl (by the callers' clock).
 */
export interface RefreshLockStore {
  /** True when `owner` holds the lock until `now + ttlMs`: it was free, had lapsed, or was `owner`'s (renewed). */
  tryLock(userId: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  /** Frees the lock when `owner` holds it; true when it did. Another owner's lock is left alone. */
  unlock(userId: string, owner: string): Promise<boolean>;
}
