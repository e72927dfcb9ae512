import { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';

/**
 * 429: the app's quota is spent. Every request of the app should wait `retryAfterMs` (it may be hours), so the
 * caller sets one shared cooldown rather than retrying this request.
 */
export class SpotifyRateLimitedError extends SpotifyFailure {
  readonly code = 'SPOTIFY_RATE_LIMITED';

  constructor(
    details: SpotifyFailureDetails,
    /** From `Retry-After`, or the configured default when the header is absent or unreadable. */
    readonly retryAfterMs: number,
    /** False when `retryAfterMs` is the default rather than Spotify's word. */
    readonly retryAfterFromHeader: boolean,
    /** Spotify's `reason`, e.g. `QUOTA_EXCEEDED` for a development-mode app over its quota; null when none. */
    readonly reason: string | null,
  ) {
    super(
      details,
      `rate limited, retry after ${retryAfterMs} ms${retryAfterFromHeader ? '' : ' (default: no Retry-After)'}` +
        (reason === null ? '' : ` (${reason})`),
    );
  }
}
