import type { Random } from '../random/random';

/**
 * Identifiers that look like Spotify's: 22-character base62 ids for catalog objects, 40-hex device ids and
 * opaque token strings. All drawn from an injected Random, so a seed gives the same ids every run.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOWER_BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function draw(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[random.int(alphabet.length)];
  return out;
}

/** A Spotify id (track, album, artist, playlist, show, episode): 22 base62 characters. */
export function spotifyId(random: Random): string {
  return draw(random, BASE62, 22);
}

/** A Spotify Connect device id: 40 hex characters. */
export function deviceId(random: Random): string {
  return draw(random, HEX, 40);
}

/** `count` hex characters (image ids, client ids and secrets). */
export function hexString(random: Random, count: number): string {
  return draw(random, HEX, count);
}

/** A user id in the style of accounts created since 2018: `31` and 26 lower-case base32 characters. */
export function userId(random: Random): string {
  return `31${draw(random, LOWER_BASE32, 26)}`;
}

/** An opaque token like Spotify's: a two-letter prefix (`BQ` access, `AQ` refresh and codes) and base64url. */
export function opaqueToken(random: Random, prefix: string, length: number): string {
  return `${prefix}${draw(random, BASE64URL, length)}`;
}

const BASE62_ID = /^[0-9A-Za-z]{22}$/;

/** True for a well-formed `spotify:<type>:<22 base62>` URI of one of `types`. */
export function isSpotifyUri(uri: string, types: readonly string[]): boolean {
  const [scheme, type, id, ...rest] = uri.split(':');
  return (
    scheme === 'spotify' &&
    type !== undefined &&
    types.includes(type) &&
    BASE62_ID.test(id ?? '') &&
    rest.length === 0
  );
}
