import type { SpotifyHeaders } from './spotify-headers';

/** What every successful call returns: the status and headers exactly as received, and when. */
export interface SpotifyResponseMeta {
  status: number;
  headers: SpotifyHeaders;
  /** Local receive time of the response (ms since the epoch, from the injected clock): the `observedAt`. */
  receivedAt: number;
}

/**
 * A read: Spotify's raw JSON, unvalidated (the normalizer validates it). `body` is `undefined` only for the
 * player reads (`getPlayer`, `getCurrentlyPlaying`) answered without content, i.e. 204: no active device.
 */
export interface SpotifyReadResult extends SpotifyResponseMeta {
  body: unknown;
}

/** A player command: Spotify answers 204 (sometimes 200/202) with nothing of use in the body. */
export type SpotifyCommandResult = SpotifyResponseMeta;
