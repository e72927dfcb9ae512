/** The machine-readable codes of the web process's HTTP error answers. */
export type WebErrorCode =
  | 'unauthenticated'
  | 'session_expired'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'bad_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unknown_action'
  | 'reauth_required'
  | 'spotify_cooldown'
  | 'budget_exhausted'
  | 'spotify_rejected'
  | 'spotify_unauthorized'
  | 'spotify_unavailable'
  | 'spotify_timeout'
  | 'unavailable'
  | 'internal';

/** What a route answers with when it cannot do what was asked: `{ error: { code, message, ...details } }`. */
export interface ProblemBody {
  error: { code: WebErrorCode; message: string } & Record<string, unknown>;
}

/**
 * An HTTP error answer a route throws; the routers' error handler sends it. `retryAfterSeconds` becomes a
 * `Retry-After` header; `details` are added to the body's `error` object (e.g. Spotify's `reason`).
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: WebErrorCode,
    message: string,
    readonly extra: {
      retryAfterSeconds?: number;
      headers?: Record<string, string>;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }

  body(): ProblemBody {
    return { error: { ...this.extra.details, code: this.code, message: this.message } };
  }
}
