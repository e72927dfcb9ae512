import { SpotifyConnectionError } from './spotify-connection-error';
import { readSpotifyErrorBody } from './spotify-error-body';
import type { ExchangeContext, NoResponseExchange, SpotifyExchange } from './spotify-exchange';
import type { SpotifyFailureDetails } from './spotify-failure';
import type { KnownSpotifyFailure } from './known-spotify-failure';
import { SpotifyInvalidGrantError } from './spotify-invalid-grant-error';
import { SpotifyMalformedBodyError } from './spotify-malformed-body-error';
import { SpotifyNoContentError } from './spotify-no-content-error';
import { SpotifyRateLimitedError } from './spotify-rate-limited-error';
import { SpotifyRequestRejectedError } from './spotify-request-rejected-error';
import { SpotifyTimeoutError } from './spotify-timeout-error';
import { SpotifyUnauthorizedError } from './spotify-unauthorized-error';
import { SpotifyUpstreamError } from './spotify-upstream-error';
import { parseRetryAfter } from './retry-after';

/** Socket- and undici-level timeouts: the same condition as the adapter's own timer firing. */
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * The failure an exchange stands for, or null when it is a success the caller can use. Pure: every input is
 * in `exchange` and `context`.
 *
 * | what came back                                   | failure                      |
 * |--------------------------------------------------|------------------------------|
 * | nothing: our timer fired, or a socket timeout    | SpotifyTimeoutError          |
 * | nothing: reset, refused, DNS, TLS, ...           | SpotifyConnectionError       |
 * | 429 (either service)                             | SpotifyRateLimitedError      |
 * | 5xx (either service)                             | SpotifyUpstreamError         |
 * | accounts `error: invalid_grant` (any 4xx)        | SpotifyInvalidGrantError     |
 * | Web API 401                                      | SpotifyUnauthorizedError     |
 * | any other status outside 2xx                     | SpotifyRequestRejectedError  |
 * | 2xx without content where a body is promised     | SpotifyNoContentError        |
 * | 2xx whose body is not JSON (unless ignored)      | SpotifyMalformedBodyError    |
 *
 * An accounts 401 (bad client credentials) is deliberately a rejection, not "unauthorized": refreshing the
 * listener's token cannot fix it, and treating it so would loop.
 */
export function classifySpotifyExchange(
  exchange: NoResponseExchange,
  context: ExchangeContext,
): KnownSpotifyFailure;
export function classifySpotifyExchange(
  exchange: SpotifyExchange,
  context: ExchangeContext,
): KnownSpotifyFailure | null;
export function classifySpotifyExchange(
  exchange: SpotifyExchange,
  context: ExchangeContext,
): KnownSpotifyFailure | null {
  if (exchange.kind === 'no-response') {
    const details: SpotifyFailureDetails = {
      service: context.service,
      operation: context.operation,
      status: null,
      headers: {},
    };
    const code = errorCode(exchange.error);
    if (exchange.timedOut || (code !== null && TIMEOUT_CODES.has(code))) {
      return new SpotifyTimeoutError(details, context.timeoutMs);
    }
    return new SpotifyConnectionError(details, code, errorMessage(exchange.error));
  }

  const { status, headers, body, receivedAt } = exchange;
  const details = { service: context.service, operation: context.operation, status, headers };
  if (status >= 200 && status < 300) {
    if (context.expect === 'ignored') return null;
    if (body.kind === 'malformed') return new SpotifyMalformedBodyError(details, body.problem);
    if (body.kind === 'empty' && context.expect === 'json') return new SpotifyNoContentError(details);
    return null;
  }

  const said = readSpotifyErrorBody(body.kind === 'json' ? body.value : undefined);
  if (status === 429) {
    const retryAfter = parseRetryAfter(headers['retry-after'], receivedAt, context.defaultRetryAfterMs);
    return new SpotifyRateLimitedError(details, retryAfter.ms, retryAfter.fromHeader, said.reason);
  }
  if (status >= 500) return new SpotifyUpstreamError(details, said.message);
  if (context.service === 'accounts' && said.oauthError === 'invalid_grant') {
    return new SpotifyInvalidGrantError(details, said.message === 'invalid_grant' ? null : said.message);
  }
  if (context.service === 'api' && status === 401) return new SpotifyUnauthorizedError(details, said.message);
  return new SpotifyRequestRejectedError(details, said.message, said.reason);
}

/**
 * The system error code of a transport failure. fetch wraps it (`TypeError: fetch failed` with the socket error
 * as `cause`, sometimes an AggregateError of one per address), so the cause chain is searched.
 */
function errorCode(error: unknown, depth = 0): string | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  const fromCause = errorCode(cause, depth + 1);
  if (fromCause !== null) return fromCause;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const fromInner = errorCode(inner, depth + 1);
      if (fromInner !== null) return fromInner;
    }
  }
  return null;
}

/** The innermost non-empty message (fetch's own is the uninformative `fetch failed`). */
function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? errorMessage(error.cause) : '';
  return inner || error.message || error.name;
}
