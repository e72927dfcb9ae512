import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/** 5xx: Spotify itself failed. Transient: back off and retry; never a reason to drop a listener's tokens. */
export class SpotifyUpstreamError extends SpotifyFailure {
  readonly code = 'SPOTIFY_UPSTREAM';

  constructor(
    details: SpotifyFailureDetails & { status: number },
    readonly spotifyMessage: string | null,
  ) {
    super(details, `upstream error ${details.status}${spotifyMessage === null ? '' : `: ${spotifyMessage}`}`);
  }
}
