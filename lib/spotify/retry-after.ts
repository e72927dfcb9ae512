/** How long a 429 tells the app to wait, and whether Spotify said so or the default stands in. */
export interface RetryAfter {
  ms: number;
  fromHeader: boolean;
}

/** RFC 9110's preferred HTTP date, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Reads `Retry-After`: delta-seconds (what Spotify sends; may be hours) or an HTTP date, taken relative to
 * `receivedAt` (a date already past means 0). Absent, empty, negative or unreadable values give `defaultMs`.
 */
export function parseRetryAfter(
  header: string | undefined,
  receivedAt: number,
  defaultMs: number,
): RetryAfter {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return { ms: Number(value) * 1000, fromHeader: true };
  if (IMF_FIXDATE.test(value)) {
    const at = Date.parse(value);
    if (Number.isFinite(at)) return { ms: Math.max(0, at - receivedAt), fromHeader: true };
  }
  return { ms: defaultMs, fromHeader: false };
}
