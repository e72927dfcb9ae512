import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/** 401 from the Web API: the access token expired or was revoked. Refresh it once, then retry. */
export class SpotifyUnauthorizedError extends SpotifyFailure {
  readonly code = 'SPOTIFY_UNAUTHORIZED';

  constructor(
    details: SpotifyFailureDetails,
    /** Spotify's explanation, e.g. `The access token expired`; null when the body had none. */
    readonly spotifyMessage: string | null,
  ) {
    super(details, `unauthorized (401)${spotifyMessage === null ? '' : `: ${spotifyMessage}`}`);
  }
}
