/** The Spotify adapter's public surface: the two clients, their options and results, and the failures. */
export { SpotifyApiClient } from './spotify-api-client';
export type { DeviceTarget, PlayRequest, RecentlyPlayedQuery } from './spotify-api-arguments';
export {
  SpotifyAccountsClient,
  type SpotifyAccessGrant,
  type SpotifyAppCredentials,
  type SpotifyRefreshGrant,
  type SpotifySignInGrant,
} from './spotify-accounts-client';
export {
  DEFAULT_SPOTIFY_CLIENT_OPTIONS,
  resolveSpotifyClientOptions,
  type SpotifyClientOptions,
} from './spotify-client-options';
export type { SpotifyCommandResult, SpotifyReadResult, SpotifyResponseMeta } from './spotify-results';
export type { SpotifyHeaders, SpotifyService } from './spotify-headers';
export { classifySpotifyExchange } from './classify-spotify-exchange';
export type { ExchangeContext, ExpectedBody, SpotifyExchange } from './spotify-exchange';
export { SpotifyFailure, type SpotifyFailureDetails } from './spotify-failure';
export type { KnownSpotifyFailure, SpotifyFailureCode } from './known-spotify-failure';
export { SpotifyRateLimitedError } from './spotify-rate-limited-error';
export { SpotifyUnauthorizedError } from './spotify-unauthorized-error';
export { SpotifyInvalidGrantError } from './spotify-invalid-grant-error';
export { SpotifyNoContentError } from './spotify-no-content-error';
export { SpotifyUpstreamError } from './spotify-upstream-error';
export { SpotifyTimeoutError } from './spotify-timeout-error';
export { SpotifyConnectionError } from './spotify-connection-error';
export { SpotifyMalformedBodyError } from './spotify-malformed-body-error';
export { SpotifyRequestRejectedError } from './spotify-request-rejected-error';
