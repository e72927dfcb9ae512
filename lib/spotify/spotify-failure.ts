import type { SpotifyHeaders, SpotifyService } from './spotify-headers';

/** What every failure carries: where the request went and what (if anything) came back. */
export interface SpotifyFailureDetails {
  service: SpotifyService;
  /** Method and path, e.g. `GET /v1/me/player`: never a query or a body, so never a token. */
  operation: string;
  /** The HTTP status, or null when no response arrived. */
  status: number | null;
  /** The response's headers ({} when no response arrived). */
  headers: SpotifyHeaders;
}

/**
 * The common base of everything the Spotify adapter throws. Callers switch on `code` (or `instanceof` a
 * subclass) to pick a policy: cooldown, token refresh, re-authentication, backoff. Messages name the operation
 * and Spotify's own explanation, never a token, a code or a request body.
 */
export abstract class SpotifyFailure extends Error {
  abstract readonly code: string;
  readonly service: SpotifyService;
  readonly operation: string;
  readonly status: number | null;
  readonly headers: SpotifyHeaders;

  protected constructor(details: SpotifyFailureDetails, message: string) {
    super(`Spotify ${details.operation}: ${message}`);
    this.name = new.target.name;
    this.service = details.service;
    this.operation = details.operation;
    this.status = details.status;
    this.headers = details.headers;
  }
}
