import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/**
 * `invalid_grant` from the accounts service: the refresh token (or authorization code) is revoked, expired or
 * already used. Only the listener signing in again helps; a transient accounts outage is never this error.
 */
export class SpotifyInvalidGrantError extends SpotifyFailure {
  readonly code = 'SPOTIFY_INVALID_GRANT';

  constructor(
    details: SpotifyFailureDetails,
    /** Spotify's `error_description`, e.g. `Refresh token revoked`; null when absent. */
    readonly description: string | null,
  ) {
    super(details, `invalid_grant${description === null ? '' : `: ${description}`}`);
  }
}
