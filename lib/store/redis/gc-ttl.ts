/**
 * How long past its logical end a key is left for Redis to delete. Generous, because Redis counts wall-clock
 * time and the callers' clock may run slower; the logical expiry, compared with `now`, is what callers see.
 */
export const GC_GRACE_MS = 60 * 60 * 1000;

/** The PEXPIRE for a key whose content stops mattering `remainingMs` from now. */
export function gcTtlMs(remainingMs: number): number {
  return Math.max(0, Math.ceil(remainingMs)) + GC_GRACE_MS;
}
