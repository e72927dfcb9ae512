import type { Clock } from '../time/clock';

/** How every request is sent, whichever service it goes to (resolved from the client options). */
export interface SpotifyTransportSettings {
  /** Aborts a request with no complete response after this long. */
  timeoutMs: number;
  /** Stands in for a 429's missing or unreadable `Retry-After`. */
  defaultRetryAfterMs: number;
  /** Times the timeout and stamps `receivedAt`. */
  clock: Clock;
}
