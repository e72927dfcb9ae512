import type { JsonRecord } from './guards';
import { describeValue, isRecord } from './guards';
import type { NormalizeResult } from './result';
import { normalized, parseSafely, rejected } from './result';

/** What an HTTP client hands over for a response without content. */
function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

/**
 * The part both endpoints share: 204, or a 200 with no content, stands for `empty()`; any other status is not
 * the normalizer's to judge (the poller handles errors before) and is rejected; a 200 body must be an object,
 * which `parse` then reads.
 */
export function normalizeResponse<T>(
  status: number,
  body: unknown,
  empty: () => T,
  parse: (body: JsonRecord) => T,
): NormalizeResult<T> {
  if (status === 204) return normalized(empty());
  if (status !== 200) return rejected(`status: expected 200 or 204, got ${describeValue(status)}`);
  if (isEmptyBody(body)) return normalized(empty());
  if (!isRecord(body)) return rejected(`body: expected an object, got ${describeValue(body)}`);
  return parseSafely(() => parse(body));
}
