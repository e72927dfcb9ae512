/** A non-2xx answer from the server, with its `{error: {code, message}}` when it sent one. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from the `Retry-After` header (429, 503), or null. */
    readonly retryAfterS: number | null,
    /** Per-field messages when the server listed them (`error.errors`). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
