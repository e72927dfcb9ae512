import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sign, unsign } from 'cookie-signature';
import { cookieValue } from './cookie-value';

/**
 * The OAuth `state` of a sign-in in progress: a random value sent to Spotify, which sends it back to the
 * callback, and kept meanwhile in a short-lived signed cookie sent only to the callback (so nothing is stored for
 * a visitor who never finishes signing in). A callback whose state is missing, different or stale did not come
 * from a sign-in this browser started (login CSRF), and is refused.
 */

export const STATE_COOKIE = 'spotify_auth_state';

export interface PendingState {
  value: string;
  /** ms since the epoch. */
  expiresAt: number;
}

export type StateCheck = { ok: true } | { ok: false; problem: 'missing' | 'mismatch' | 'expired' };

/** 128 bits from the operating system: a CSRF token must be unguessable, which a seeded Random is not. */
export function newStateValue(): string {
  return randomBytes(16).toString('base64url');
}

/** The state cookie's value, signed with the first secret (`<state>.<expiresAt>.<signature>`). */
export function stateCookieValue(pending: PendingState, secrets: readonly string[]): string {
  return sign(`${pending.value}.${pending.expiresAt}`, secrets[0] as string);
}

/** The pending state in the request's cookies, or null when there is none or its signature fails. */
export function readStateCookie(
  cookieHeader: string | undefined,
  secrets: readonly string[],
): PendingState | null {
  const raw = cookieValue(cookieHeader, STATE_COOKIE);
  if (raw === undefined) return null;
  for (const secret of secrets) {
    const signed = unsign(raw, secret);
    if (signed === false) continue;
    const match = /^([\w-]+)\.(\d+)$/.exec(signed);
    return match ? { value: match[1] as string, expiresAt: Number(match[2]) } : null;
  }
  return null;
}

export function checkState(
  stored: PendingState | null,
  received: string | undefined,
  now: number,
): StateCheck {
  if (stored === null || received === undefined) return { ok: false, problem: 'missing' };
  const expected = Buffer.from(stored.value);
  const actual = Buffer.from(received);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, problem: 'mismatch' };
  }
  return now > stored.expiresAt ? { ok: false, problem: 'expired' } : { ok: true };
}
