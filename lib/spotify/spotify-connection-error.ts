import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/**
 * The connection failed before a complete response arrived: refused, reset, DNS, TLS. (Upstream issue #340:
 * the library itself once crashed with a TypeError here.) Transient: back off and retry.
 */
export class SpotifyConnectionError extends SpotifyFailure {
  readonly code = 'SPOTIFY_CONNECTION';

  constructor(
    details: SpotifyFailureDetails,
    /** The system error code, e.g. `ECONNRESET`, `ECONNREFUSED`; null when the error carried none. */
    readonly causeCode: string | null,
    causeMessage: string,
  ) {
    super(details, `connection failed (${causeCode ?? 'no code'}): ${causeMessage}`);
  }
}
