/**
 * What the resolver and the stores read from a session record (express-session's JSON). Pure: the record is
 * whatever the store held, so every field is checked rather than trusted.
 */

/** How long a session whose cookie has no expiry is kept: connect-redis' default of one day. */
export const DEFAULT_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/** When the session's cookie expires (ms since the epoch), or null for a cookie without an expiry. */
export function sessionExpiresAt(record: unknown): number | null {
  if (typeof record !== 'object' || record === null) return null;
  const cookie = (record as { cookie?: unknown }).cookie;
  if (typeof cookie !== 'object' || cookie === null) return null;
  const expires = (cookie as { expires?: unknown }).expires;
  if (typeof expires !== 'string' && !(expires instanceof Date)) return null;
  const at = new Date(expires).getTime();
  return Number.isFinite(at) ? at : null;
}

/**
 * How long the store keeps a session, as connect-redis computes it: until its cookie expires (rounded up to
 * whole seconds, which is what Redis' EX takes), or a day for a cookie without an expiry. Zero or less means
 * "already expired: delete it".
 */
export function sessionTtlSeconds(record: unknown, now: number): number {
  const expiresAt = sessionExpiresAt(record);
  const ms = expiresAt === null ? DEFAULT_SESSION_TTL_MS : expiresAt - now;
  return Math.ceil(ms / 1000);
}

/** The string in `field` of the record, or null when there is none. */
export function sessionField(record: unknown, field: string): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const value = (record as Record<string, unknown>)[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
}
