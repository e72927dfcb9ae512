import { formatSpan } from './format';
import { HttpError } from './http-error';

/** A failed request in words for people, with when to try again when the server said. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof HttpError)) return error instanceof Error ? error.message : String(error);
  const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
  return error.retryAfterS === null
    ? sentence
    : `${sentence} Try again in ${formatSpan(error.retryAfterS * 1000)}.`;
}
