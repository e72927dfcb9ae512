import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/**
 * Any other refusal (400, 403, 404, an accounts 401 for bad client credentials, ...): retrying the same request
 * will not help. Player commands carry a `reason` such as `NO_ACTIVE_DEVICE` or `PREMIUM_REQUIRED`.
 */
export class SpotifyRequestRejectedError extends SpotifyFailure {
  readonly code = 'SPOTIFY_REQUEST_REJECTED';

  constructor(
    details: SpotifyFailureDetails & { status: number },
    /** Spotify's `message` (Web API) or `error_description`/`error` (accounts); null when the body had none. */
    readonly spotifyMessage: string | null,
    readonly reason: string | null,
  ) {
    super(
      details,
      `rejected with ${details.status}${spotifyMessage === null ? '' : `: ${spotifyMessage}`}` +
        (reason === null ? '' : ` (${reason})`),
    );
  }
}
