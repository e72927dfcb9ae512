import type { RequestHandler } from 'express';
import { HttpProblem } from './http-problem';

/** For a path a router owns, after its routes: any other method is a 405 naming the allowed ones. */
export function methodNotAllowed(...allowed: string[]): RequestHandler {
  return (req, _res, next) => {
    next(
      new HttpProblem(
        405,
        'method_not_allowed',
        `${req.method} is not allowed here; use ${allowed.join(' or ')}`,
        {
          headers: { Allow: allowed.join(', ') },
        },
      ),
    );
  };
}
