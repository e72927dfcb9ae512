import { unsign } from 'cookie-signature';

/** A session id as a client may send it: printable ASCII without spaces, at most 256 characters. */
const SESSION_ID = /^[\x21-\x7e]{1,256}$/;

export function isPlausibleSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID.test(value);
}

export type CookieSessionId =
  | { status: 'found'; sid: string }
  | { status: 'absent' }
  | { status: 'unsigned' }
  | { status: 'bad_signature' };

/**
 * The session id in express-session's signed cookie (`s:` + cookie-signature), checked against each secret
 * as express-session does: the first that verifies wins. Pure.
 */
export function sessionIdFromCookie(
  cookieHeader: string | undefined,
  cookieName: string,
  secrets: readonly string[],
): CookieSessionId {
  if (!cookieHeader) return { status: 'absent' };
  const raw = cookieValue(cookieHeader, cookieName);
  if (raw === undefined || raw.length === 0) return { status: 'absent' };
  if (!raw.startsWith('s:')) return { status: 'unsigned' };
  for (const secret of secrets) {
    const sid = unsign(raw.slice(2), secret);
    if (sid !== false && isPlausibleSessionId(sid)) return { status: 'found', sid };
  }
  return { status: 'bad_signature' };
}

/**
 * The value of the first cookie named `name` in a Cookie header (RFC 6265: `a=1; b=2`, values optionally
 * quoted and, as express-session writes them, URI-encoded), or undefined. The `cookie` package does this too,
 * but its 2.x is ESM-only, which Jest on Node 20 cannot load.
 */
export function cookieValue(header: string, name: string): string | undefined {
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
