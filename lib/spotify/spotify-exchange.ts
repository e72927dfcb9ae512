import type { ResponseBody } from './response-body';
import type { SpotifyHeaders, SpotifyService } from './spotify-headers';

/**
 * What a caller needs from a success body: `json` (a body is promised), `json-or-empty` (the player endpoints,
 * where 204 means "no active device"), or `ignored` (commands, whose 2xx bodies carry nothing of use).
 */
export type ExpectedBody = 'json' | 'json-or-empty' | 'ignored';

/** One request's circumstances, fixed before it is sent. */
export interface ExchangeContext {
  service: SpotifyService;
  /** Method and path, e.g. `GET /v1/me/player`. */
  operation: string;
  expect: ExpectedBody;
  timeoutMs: number;
  /** Used for a 429 without a readable `Retry-After`. */
  defaultRetryAfterMs: number;
}

/** The transport rejected: no complete response arrived. */
export interface NoResponseExchange {
  kind: 'no-response';
  /** Whatever the transport rejected with. */
  error: unknown;
  /** True when the adapter's own timer aborted the request. */
  timedOut: boolean;
}

/** A complete response, whatever its status. */
export interface ResponseExchange {
  kind: 'response';
  status: number;
  headers: SpotifyHeaders;
  body: ResponseBody;
  /** Local receive time of the response head (ms since the epoch), from the injected clock. */
  receivedAt: number;
}

/** How one request ended, as plain data, so classifying it is a pure function. */
export type SpotifyExchange = NoResponseExchange | ResponseExchange;
