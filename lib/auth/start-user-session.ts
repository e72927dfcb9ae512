import type { Request } from 'express';
import { requireSession, sessionFields } from './session-fields';

/**
 * Signs `userId` in on this request: a new session (a fresh id, so a session id known before sign-in is worth
 * nothing after it) holding the user id in `userField`, saved before the response goes out. The session
 * middleware sets the cookie; the new id is returned (the Socket.IO handshake's `sessionId`).
 */
export async function startUserSession(req: Request, userField: string, userId: string): Promise<string> {
  const before = requireSession(req);
  await new Promise<void>((resolve, reject) =>
    before.regenerate((error) => (error ? reject(error) : resolve())),
  );
  sessionFields(req)[userField] = userId;
  const after = requireSession(req);
  await new Promise<void>((resolve, reject) => after.save((error) => (error ? reject(error) : resolve())));
  return req.sessionID;
}
