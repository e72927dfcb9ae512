import { SpotifyFailure, type KnownSpotifyFailure } from '../spotify';
import { ReauthRequiredError, RefreshWaitTimeoutError } from '../tokens';
import { HttpProblem } from './http-problem';

/**
 * The answer for a failed Spotify call made for a listener, or null for an error that is not Spotify's (a bug,
 * a store outage: the caller lets it through as a 500). A 429 is not handled here: it puts the whole app into
 * the cooldown first (`BudgetGate.enterCooldown`).
 */
export function spotifyProblem(error: unknown): HttpProblem | null {
  if (error instanceof ReauthRequiredError) {
    return new HttpProblem(401, 'reauth_required', 'the listener must sign in to Spotify again');
  }
  if (error instanceof RefreshWaitTimeoutError) {
    return new HttpProblem(503, 'unavailable', "the listener's Spotify token is being refreshed; try again");
  }
  if (!(error instanceof SpotifyFailure)) return null;
  const failure = error as KnownSpotifyFailure;
  switch (failure.code) {
    case 'SPOTIFY_REQUEST_REJECTED':
      if (failure.service === 'accounts') {
        return new HttpProblem(502, 'spotify_unavailable', `the token refresh failed: ${failure.message}`);
      }
      // 400: the request itself was wrong; anything else (403, 404): the player's state does not allow it.
      return new HttpProblem(failure.status === 400 ? 400 : 409, 'spotify_rejected', failure.message, {
        details: { spotifyStatus: failure.status, reason: failure.reason },
      });
    case 'SPOTIFY_INVALID_GRANT':
      return new HttpProblem(401, 'reauth_required', 'the listener must sign in to Spotify again');
    case 'SPOTIFY_UNAUTHORIZED':
      return new HttpProblem(
        502,
        'spotify_unauthorized',
        `Spotify refused the listener's token even after a refresh: ${failure.message}`,
      );
    case 'SPOTIFY_TIMEOUT':
      return new HttpProblem(504, 'spotify_timeout', failure.message);
    case 'SPOTIFY_RATE_LIMITED':
    case 'SPOTIFY_UPSTREAM':
    case 'SPOTIFY_CONNECTION':
    case 'SPOTIFY_MALFORMED_BODY':
    case 'SPOTIFY_NO_CONTENT':
      return new HttpProblem(502, 'spotify_unavailable', failure.message);
  }
}
