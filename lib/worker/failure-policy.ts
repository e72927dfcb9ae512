import type { KnownSpotifyFailure } from '../spotify';
import { SpotifyFailure } from '../spotify';
import { ReauthRequiredError } from '../tokens';
import type { PollFailureKind } from '../scheduler';

/**
 * What the worker does after a failed request, decided by the error's type alone (as Home Assistant's
 * coordinator does): a 429 puts the whole app into one cooldown; a 401 asks for one token refresh and one retry;
 * a lost grant stops polling the user until they sign in again; 5xx, timeouts and broken connections back the
 * user off; an unusable body is logged and the poll counts as made. Pure.
 */
export type FailureAction =
  | { kind: 'cooldown'; retryAfterMs: number; reason: string }
  | { kind: 'refresh_token' }
  | { kind: 'reauth' }
  | { kind: 'backoff'; failure: Exclude<PollFailureKind, 'rate_limited'> }
  | { kind: 'rejected'; message: string };

export function failureAction(error: unknown): FailureAction {
  if (error instanceof ReauthRequiredError) return { kind: 'reauth' };
  if (!(error instanceof SpotifyFailure)) return { kind: 'backoff', failure: 'upstream' };
  const failure = error as KnownSpotifyFailure;
  switch (failure.code) {
    case 'SPOTIFY_RATE_LIMITED':
      return {
        kind: 'cooldown',
        retryAfterMs: failure.retryAfterMs,
        reason: failure.reason ?? 'rate_limited',
      };
    case 'SPOTIFY_UNAUTHORIZED':
      return { kind: 'refresh_token' };
    case 'SPOTIFY_INVALID_GRANT':
      return { kind: 'reauth' };
    case 'SPOTIFY_TIMEOUT':
      return { kind: 'backoff', failure: 'timeout' };
    case 'SPOTIFY_UPSTREAM':
    case 'SPOTIFY_CONNECTION':
      return { kind: 'backoff', failure: 'upstream' };
    case 'SPOTIFY_MALFORMED_BODY':
    case 'SPOTIFY_NO_CONTENT':
      return { kind: 'backoff', failure: 'malformed' };
    case 'SPOTIFY_REQUEST_REJECTED':
      return { kind: 'rejected', message: failure.message };
  }
}
