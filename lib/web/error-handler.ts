import type { ErrorRequestHandler, Response } from 'express';
import { errorFields } from '../log/error-fields';
import { HttpProblem } from './http-problem';
import type { WebLog } from './web-log';

/** The fields body-parser sets on the errors it passes on. */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** Sends `problem` as `{ error: { code, message } }` with its status and headers. */
export function sendProblem(res: Response, problem: HttpProblem): void {
  const { retryAfterSeconds, headers = {} } = problem.extra;
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(problem.status).json(problem.body());
}

/** What a body-parser refusal means for the caller. */
function bodyProblem(error: BodyParserError): HttpProblem {
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpProblem(400, 'bad_request', 'the body is not valid JSON');
    case 'entity.too.large':
      return new HttpProblem(
        413,
        'payload_too_large',
        `the body is larger than the ${error.limit ?? 'configured'} bytes this route accepts`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(415, 'unsupported_media_type', 'the body must be UTF-8 JSON');
    default:
      return new HttpProblem(error.status >= 500 ? 500 : 400, 'bad_request', 'the body could not be read');
  }
}

/**
 * The last layer of every router: an HttpProblem is sent as it is, a body the JSON parser refused as a 400, 413
 * or 415, anything else as a 500 whose cause (with its stack) goes to the log, never to the caller.
 */
export function webErrorHandler(log: WebLog): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof HttpProblem) {
      sendProblem(res, error);
      return;
    }
    if (isBodyParserError(error) && error.status < 500) {
      sendProblem(res, bodyProblem(error));
      return;
    }
    const userId = typeof res.locals.userId === 'string' ? res.locals.userId : undefined;
    log.error('request failed', { method: req.method, path: req.path, userId, ...errorFields(error) });
    sendProblem(res, new HttpProblem(500, 'internal', 'internal error; the server log has the details'));
  };
}
