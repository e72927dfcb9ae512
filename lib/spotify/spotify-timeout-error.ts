import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/** No complete response within the configured timeout (or a socket-level timeout). The request was aborted. */
export class SpotifyTimeoutError extends SpotifyFailure {
  readonly code = 'SPOTIFY_TIMEOUT';

  constructor(
    details: SpotifyFailureDetails,
    /** The configured timeout. */
    readonly timeoutMs: number,
  ) {
    super(details, `no response within ${timeoutMs} ms`);
  }
}
