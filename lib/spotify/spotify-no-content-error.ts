import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/**
 * A success without a body where the endpoint promises one (queue, devices, profile, recently played, tokens).
 * The player endpoints are different: there 204 means "no active device" and is returned as a result.
 */
export class SpotifyNoContentError extends SpotifyFailure {
  readonly code = 'SPOTIFY_NO_CONTENT';

  constructor(details: SpotifyFailureDetails) {
    super(details, `expected a body, got ${details.status ?? 'none'} without content`);
  }
}
