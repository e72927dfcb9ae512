import type { MusicErrorCode } from '../contract/protocol';

/** What a session id or a signed session cookie resolves to. */
export type SessionLookup =
  | { status: 'ok'; userId: string }
  | {
      status: 'refused';
      code: Extract<MusicErrorCode, 'unauthenticated' | 'session_expired'>;
      message: string;
    };

/** The credentials a request or a handshake may carry; the cookie header is the raw `Cookie:` value. */
export interface SessionCredentials {
  sessionId?: string | undefined;
  cookieHeader?: string | undefined;
}

/**
 * Finds the user a session belongs to, in the web app's session store (connect-redis style `sess:{sid}` JSON, or
 * memory in the demo). Used by the Socket.IO handshake and every session-authenticated HTTP route alike.
 */
export interface SessionResolver {
  resolve(credentials: SessionCredentials): Promise<SessionLookup>;
}
