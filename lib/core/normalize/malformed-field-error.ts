/**
 * A field of a Spotify response body that the normalizer cannot use. Thrown by the readers in `guards.ts` and
 * caught at the normalizer's entry points, which turn it into `{ ok: false, reason }`: it never leaves them.
 */
export class MalformedFieldError extends Error {
  readonly code = 'MALFORMED_FIELD';

  /** `path` is where the field sits in the body, e.g. `item.album.images[0].url`. */
  constructor(
    readonly path: string,
    expected: string,
    got: string,
  ) {
    super(`${path}: expected ${expected}, got ${got}`);
    this.name = 'MalformedFieldError';
  }
}
