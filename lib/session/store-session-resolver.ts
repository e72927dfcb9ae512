import { isValidKeyPart } from '../store/key-part';
import type { Clock } from '../time/clock';
import { systemClock } from '../time/system-clock';
import type { SessionCredentials, SessionLookup, SessionResolver } from './session-lookup';
import { isPlausibleSessionId, sessionIdFromCookie } from './session-id';
import type { SessionReader } from './session-reader';
import { sessionExpiresAt, sessionField } from './session-record';

export interface StoreSessionResolverOptions {
  /** SESSION_SECRET (a list when rotating: any of them verifies a cookie). Required. */
  secret: string | readonly string[];
  /** SESSION_COOKIE_NAME. Default `connect.sid`. */
  cookieName: string;
  /** SESSION_USER_FIELD: the field of the session record holding the user id. Default `userId`. */
  userField: string;
}

export const DEFAULT_STORE_SESSION_RESOLVER_OPTIONS = Object.freeze({
  cookieName: 'connect.sid',
  userField: 'userId',
});

/** The sentences a refused client reads. None names the session id. */
const REFUSALS = {
  missing: 'No session: sign in first, then connect with auth.sessionId or the session cookie.',
  malformed: 'auth.sessionId is not a session id: send the id of a signed-in session.',
  unsigned: 'The session cookie is not signed: sign in again.',
  badSignature: 'The session cookie’s signature does not match: sign in again.',
  unknown: 'This session does not exist (it may have ended or been signed out): sign in again.',
  notSignedIn: 'This session is not signed in to a listener: sign in first.',
  expired: 'This session has expired: sign in again.',
} as const;

/**
 * Finds a session's user in the web app's store: `sessionId` is looked up as is; otherwise the session cookie
 * is unsigned with the secret. Missing or unknown sessions (and bad cookies) are `unauthenticated`, sessions
 * whose cookie expiry has passed `session_expired`. A store that cannot be reached makes `resolve` reject.
 */
export class StoreSessionResolver implements SessionResolver {
  private readonly secrets: readonly string[];
  private readonly cookieName: string;
  private readonly userField: string;

  constructor(
    private readonly reader: SessionReader,
    options: Partial<StoreSessionResolverOptions> & Pick<StoreSessionResolverOptions, 'secret'>,
    private readonly clock: Clock = systemClock,
  ) {
    const { secret, cookieName, userField } = { ...DEFAULT_STORE_SESSION_RESOLVER_OPTIONS, ...options };
    this.secrets = typeof secret === 'string' ? [secret] : [...secret];
    if (this.secrets.length === 0 || this.secrets.some((each) => typeof each !== 'string' || !each)) {
      throw new RangeError('StoreSessionResolver: secret must be a non-empty string or a list of them');
    }
    for (const [name, value] of [
      ['cookieName', cookieName],
      ['userField', userField],
    ] as const) {
      if (typeof value !== 'string' || value.length === 0) {
        throw new RangeError(
          `StoreSessionResolver: ${name} must be a non-empty string, got ${JSON.stringify(value)}`,
        );
      }
    }
    this.cookieName = cookieName;
    this.userField = userField;
  }

  async resolve(credentials: SessionCredentials): Promise<SessionLookup> {
    const sid = this.sessionIdOf(credentials);
    if (typeof sid !== 'string') return sid;
    const record = await this.reader.readSession(sid);
    if (record === null || typeof record !== 'object') return unauthenticated(REFUSALS.unknown);
    const expiresAt = sessionExpiresAt(record);
    if (expiresAt !== null && expiresAt <= this.clock.now()) {
      return { status: 'refused', code: 'session_expired', message: REFUSALS.expired };
    }
    const userId = sessionField(record, this.userField);
    if (userId === null || !isValidKeyPart(userId)) return unauthenticated(REFUSALS.notSignedIn);
    return { status: 'ok', userId };
  }

  private sessionIdOf({ sessionId, cookieHeader }: SessionCredentials): string | SessionLookup {
    if (sessionId !== undefined) {
      return isPlausibleSessionId(sessionId) ? sessionId : unauthenticated(REFUSALS.malformed);
    }
    const fromCookie = sessionIdFromCookie(cookieHeader, this.cookieName, this.secrets);
    switch (fromCookie.status) {
      case 'found':
        return fromCookie.sid;
      case 'absent':
        return unauthenticated(REFUSALS.missing);
      case 'unsigned':
        return unauthenticated(REFUSALS.unsigned);
      case 'bad_signature':
        return unauthenticated(REFUSALS.badSignature);
    }
  }
}

function unauthenticated(message: string): SessionLookup {
  return { status: 'refused', code: 'unauthenticated', message };
}
