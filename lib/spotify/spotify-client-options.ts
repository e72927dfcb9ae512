import type { Clock } from '../time/clock';
import { systemClock } from '../time/system-clock';
import { parseBaseUrl, type BaseUrl } from './base-url';
import type { SpotifyTransportSettings } from './spotify-transport-settings';

/**
 * Where and how the adapter talks to Spotify. The config module fills these from SPOTIFY_API_URL /
 * SPOTIFY_ACCOUNTS_URL; the adapter never reads the environment itself.
 */
export interface SpotifyClientOptions {
  /** The Web API's base URL (scheme, host, port, optional path prefix). Default `https://api.spotify.com`. */
  apiUrl: string;
  /** The accounts service's base URL. Default `https://accounts.spotify.com`. */
  accountsUrl: string;
  /** A request with no complete response after this long is aborted (SpotifyTimeoutError). Default 5000. */
  timeoutMs: number;
  /**
   * The wait a 429 without a readable `Retry-After` stands for. Default 30000: Spotify counts its rate limit
   * over a rolling 30 s window, so after one full window the requests that tripped it have aged out.
   */
  defaultRetryAfterMs: number;
  /** Times the timeout and stamps `receivedAt`. Default the system clock. */
  clock: Clock;
}

export const DEFAULT_SPOTIFY_CLIENT_OPTIONS: Readonly<SpotifyClientOptions> = Object.freeze({
  apiUrl: 'https://api.spotify.com',
  accountsUrl: 'https://accounts.spotify.com',
  timeoutMs: 5000,
  defaultRetryAfterMs: 30_000,
  clock: systemClock,
});

/** The options once validated: base URLs split into the parts the library's builders take. */
export interface ResolvedSpotifyClientOptions extends SpotifyTransportSettings {
  api: BaseUrl;
  accounts: BaseUrl;
}

/** The largest delay a Node timer honours (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Defaults merged with `overrides` and validated. Throws a RangeError naming the bad option. */
export function resolveSpotifyClientOptions(
  overrides: Partial<SpotifyClientOptions> = {},
): Readonly<ResolvedSpotifyClientOptions> {
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_SPOTIFY_CLIENT_OPTIONS)) throw new RangeError(`Unknown Spotify option \`${key}\``);
  }
  const options: SpotifyClientOptions = { ...DEFAULT_SPOTIFY_CLIENT_OPTIONS, ...withoutUndefined(overrides) };
  const { timeoutMs, defaultRetryAfterMs, clock } = options;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMER_MS) {
    throw new RangeError(
      `Spotify option \`timeoutMs\` must be an integer from 1 to ${MAX_TIMER_MS}, got ${JSON.stringify(timeoutMs)}`,
    );
  }
  if (!Number.isInteger(defaultRetryAfterMs) || defaultRetryAfterMs < 0) {
    throw new RangeError(
      `Spotify option \`defaultRetryAfterMs\` must be an integer >= 0, got ${JSON.stringify(defaultRetryAfterMs)}`,
    );
  }
  if (typeof clock?.now !== 'function' || typeof clock.sleep !== 'function') {
    throw new RangeError('Spotify option `clock` must be a Clock (with `now` and `sleep`)');
  }
  return Object.freeze({
    api: parseBaseUrl('apiUrl', options.apiUrl),
    accounts: parseBaseUrl('accountsUrl', options.accountsUrl),
    timeoutMs,
    defaultRetryAfterMs,
    clock,
  });
}

/** An option passed as `undefined` keeps its default (a config module may pass unset variables through). */
function withoutUndefined<T extends object>(overrides: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
