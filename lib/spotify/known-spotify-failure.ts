import type { SpotifyConnectionError } from './spotify-connection-error';
import type { SpotifyInvalidGrantError } from './spotify-invalid-grant-error';
import type { SpotifyMalformedBodyError } from './spotify-malformed-body-error';
import type { SpotifyNoContentError } from './spotify-no-content-error';
import type { SpotifyRateLimitedError } from './spotify-rate-limited-error';
import type { SpotifyRequestRejectedError } from './spotify-request-rejected-error';
import type { SpotifyTimeoutError } from './spotify-timeout-error';
import type { SpotifyUnauthorizedError } from './spotify-unauthorized-error';
import type { SpotifyUpstreamError } from './spotify-upstream-error';

/** Every failure the adapter throws, so a `switch (failure.code)` narrows and can be exhaustive. */
export type KnownSpotifyFailure =
  | SpotifyRateLimitedError
  | SpotifyUnauthorizedError
  | SpotifyInvalidGrantError
  | SpotifyNoContentError
  | SpotifyUpstreamError
  | SpotifyTimeoutError
  | SpotifyConnectionError
  | SpotifyMalformedBodyError
  | SpotifyRequestRejectedError;

export type SpotifyFailureCode = KnownSpotifyFailure['code'];
