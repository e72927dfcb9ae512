import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem } from './http-problem';
import type { WebLog } from './web-log';

/** Compares in constant time; hashing first makes the lengths equal without revealing the expected one. */
function secretEquals(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Lets the request through only with `Authorization: Bearer <token>`. Without a configured token the routes
 * behind it do not exist (404), so a deployment that never set one exposes nothing. No or a malformed header:
 * 401 with `WWW-Authenticate`; a wrong token: 403. `name` (e.g. `INTERNAL_API_TOKEN`) tells the caller which
 * token the route wants.
 */
export function requireBearer(token: string | null, name: string, log: WebLog): RequestHandler {
  return (req, _res, next) => {
    if (token === null) {
      next(
        new HttpProblem(404, 'not_found', `${req.method} ${req.path} is not enabled (${name} is not set)`),
      );
      return;
    }
    const match = /^Bearer +(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (match === null) {
      log.warn('request refused: no bearer token', { path: req.path });
      next(
        new HttpProblem(401, 'unauthenticated', `send Authorization: Bearer <${name}>`, {
          headers: { 'WWW-Authenticate': 'Bearer' },
        }),
      );
      return;
    }
    if (!secretEquals(match[1] as string, token)) {
      log.warn('request refused: wrong bearer token', { path: req.path });
      next(new HttpProblem(403, 'forbidden', `the bearer token is not ${name}`));
      return;
    }
    next();
  };
}
