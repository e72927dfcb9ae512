import express from 'express';
import type { RequestHandler } from 'express';
import { HttpProblem } from './http-problem';

/**
 * Parses a JSON body of at most `limitBytes` into `req.body` (undefined when there is none). The request must
 * say `Content-Type: application/json`, even without a body: a cross-site form or a `text/plain` fetch cannot,
 * so a browser never sends a cookie-authenticated command it was not asked to by a page the app allows (CORS).
 */
export function jsonBody(limitBytes: number): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    const type = req.headers['content-type'];
    if (type === undefined || !/^application\/json\s*(;|$)/i.test(type)) {
      next(
        new HttpProblem(
          415,
          'unsupported_media_type',
          `send Content-Type: application/json (got ${type === undefined ? 'none' : JSON.stringify(type)})`,
        ),
      );
      return;
    }
    next();
  };
  return [requireJson, express.json({ limit: limitBytes, strict: false })];
}
