import fc from 'fast-check';
import { parseRetryAfter } from '../../lib/spotify/retry-after';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const DEFAULT = 30_000;

describe('parseRetryAfter', () => {
  it.each([
    ['seconds', '7', { ms: 7000, fromHeader: true }],
    ['zero', '0', { ms: 0, fromHeader: true }],
    ['hours (seen: 19056 s)', '19056', { ms: 19_056_000, fromHeader: true }],
    ['a day (seen: 86400 s)', '86400', { ms: 86_400_000, fromHeader: true }],
    ['surrounding spaces', ' 12 ', { ms: 12_000, fromHeader: true }],
    ['an HTTP date 90 s ahead', 'Thu, 01 Jan 2026 12:01:30 GMT', { ms: 90_000, fromHeader: true }],
    ['an HTTP date already past', 'Thu, 01 Jan 2026 11:00:00 GMT', { ms: 0, fromHeader: true }],
    ['absent', undefined, { ms: DEFAULT, fromHeader: false }],
    ['empty', '', { ms: DEFAULT, fromHeader: false }],
    ['negative', '-5', { ms: DEFAULT, fromHeader: false }],
    ['fractional', '1.5', { ms: DEFAULT, fromHeader: false }],
    ['garbage', 'soon', { ms: DEFAULT, fromHeader: false }],
    ['a date in another format', '2026-01-01T12:01:30Z', { ms: DEFAULT, fromHeader: false }],
  ])('%s', (_name, header, expected) => {
    expect(parseRetryAfter(header, NOW, DEFAULT)).toEqual(expected);
  });

  it('reads any whole number of seconds as that many thousand ms', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat(), (seconds, defaultMs) => {
        expect(parseRetryAfter(String(seconds), NOW, defaultMs)).toEqual({
          ms: seconds * 1000,
          fromHeader: true,
        });
      }),
    );
  });

  it('never yields a negative or non-finite wait', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.nat(), (header, defaultMs) => {
        const { ms } = parseRetryAfter(header, NOW, defaultMs);
        expect(Number.isFinite(ms) && ms >= 0).toBe(true);
      }),
    );
  });
});
