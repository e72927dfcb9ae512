import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/** A success whose body is not the JSON the endpoint promises. Logged and skipped; the next poll may be fine. */
export class SpotifyMalformedBodyError extends SpotifyFailure {
  readonly code = 'SPOTIFY_MALFORMED_BODY';

  constructor(
    details: SpotifyFailureDetails,
    /** What is wrong, e.g. `not JSON` or `access_token: expected a non-empty string`; never the body itself. */
    readonly problem: string,
  ) {
    super(details, `malformed body (${problem})`);
  }
}
