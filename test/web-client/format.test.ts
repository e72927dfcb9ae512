import { errorMessage } from '../../web/src/shared/error-message';
import { formatDuration, formatSpan, hueOf, initials } from '../../web/src/shared/format';
import { HttpError } from '../../web/src/shared/http-error';
import { parseRetryAfter } from '../../web/src/shared/retry-after';

describe('formatting', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(95_400)).toBe('1:35');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('formats spans in the largest sensible unit', () => {
    expect(formatSpan(250)).toBe('250 ms');
    expect(formatSpan(4500)).toBe('4.5 s');
    expect(formatSpan(42_000)).toBe('42 s');
    expect(formatSpan(90_000)).toBe('1 min 30 s');
    expect(formatSpan(10_800_000)).toBe('3 h');
  });

  it('gives initials and a stable hue', () => {
    expect(initials('Electric dreams forever')).toBe('ED');
    expect(initials('  ')).toBe('?');
    expect(hueOf('abc')).toBe(hueOf('abc'));
    expect(hueOf('abc')).toBeGreaterThanOrEqual(0);
    expect(hueOf('abc')).toBeLessThan(360);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('42', 0)).toBe(42);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:01:00 GMT', 30_000)).toBe(30);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });

  it('words a refused request with when to try again', () => {
    const error = new HttpError(429, 'rate_limited', 'Spotify is rate limiting this app', 90);
    expect(errorMessage(error)).toBe('Spotify is rate limiting this app. Try again in 1 min 30 s.');
    expect(errorMessage(new HttpError(400, 'bad_request', 'No device?', null))).toBe('No device?');
  });
});
