import type { Request } from 'express';
import type { Session } from 'express-session';

/** The request's session; throws when no session middleware ran before the route (a wiring mistake). */
export function requireSession(req: Request): Session {
  if (req.session === undefined) {
    throw new Error('No session on the request: mount the session middleware before this route');
  }
  return req.session;
}

/**
 * The session as a plain record: the user field's name is configuration (SESSION_USER_FIELD), so it cannot be
 * declared on express-session's `SessionData`.
 */
export function sessionFields(req: Request): Record<string, unknown> {
  return requireSession(req) as unknown as Record<string, unknown>;
}
