import type { PlayerError } from './player-error';
import { errorBody } from './player-error';

/**
 * The in-process form of an HTTP exchange with the simulator. The HTTP layer translates to and from these;
 * the benchmark calls the world with them directly and gets the very bodies the HTTP layer would serialize.
 */

export interface ApiRequest {
  method: string;
  /** The path without the query, e.g. `/v1/me/player`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** The `Authorization` header (`Bearer <token>`, or `Basic ...` for the accounts service). */
  authorization?: string;
  /** A JSON text (as received) or an already parsed value; form fields for `/api/token`. */
  body?: unknown;
}

/** What went wrong on the wire instead of an answer (a fault): the HTTP layer enacts it. */
export type WireFailure = 'hang' | 'reset' | 'malformed';

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value; undefined for no content (204, 302). */
  body?: unknown;
  /** Delay the answer by this long (a latency fault). */
  latencyMs: number;
  wireFailure?: WireFailure;
}

export function respond(status: number, body?: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers, body, latencyMs: 0 };
}

export function errorResponse(error: PlayerError, headers: Record<string, string> = {}): ApiResponse {
  return respond(error.status, errorBody(error), headers);
}
