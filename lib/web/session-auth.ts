import type { RequestHandler, Response } from 'express';
import type { SessionResolver } from '../session';
import { errorFields } from '../log/error-fields';
import { HttpProblem } from './http-problem';
import type { WebLog } from './web-log';

/** The header a client that holds a session id (not a browser cookie) sends it in. */
export const SESSION_ID_HEADER = 'x-session-id';

/**
 * Lets the request through only with a live session: the `X-Session-Id` header or the session cookie (the raw
 * `Cookie` header, as the web app signs it), looked up by `resolver`. The user id lands in `res.locals.userId`
 * (read it with `sessionUserId`). A refusal is a 401 with the resolver's code; a resolver that fails is a 503.
 */
export function requireSession(resolver: SessionResolver, log: WebLog): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers[SESSION_ID_HEADER];
    const sessionId = typeof header === 'string' && header !== '' ? header : undefined;
    let lookup;
    try {
      lookup = await resolver.resolve({ sessionId, cookieHeader: req.headers.cookie });
    } catch (error) {
      log.error('session lookup failed', { path: req.path, ...errorFields(error) });
      throw new HttpProblem(503, 'unavailable', 'the session store does not answer; try again shortly');
    }
    if (lookup.status === 'refused') {
      log.warn('request refused: no valid session', { path: req.path, reason: lookup.code });
      throw new HttpProblem(401, lookup.code, lookup.message);
    }
    res.locals.userId = lookup.userId;
    next();
  };
}

/** The user `requireSession` let through. */
export function sessionUserId(res: Response): string {
  const userId: unknown = res.locals.userId;
  if (typeof userId !== 'string') throw new Error('sessionUserId: the route is not behind requireSession');
  return userId;
}
