import { resolveSpotifyClientOptions } from '../../lib/spotify/spotify-client-options';
import type { Clock } from '../../lib/time/clock';
import { systemClock } from '../../lib/time/system-clock';
import { VirtualClock } from '../../lib/time/virtual-clock';

describe('resolveSpotifyClientOptions', () => {
  it("defaults to Spotify's own services, a 5 s timeout and a 30 s default Retry-After", () => {
    expect(resolveSpotifyClientOptions()).toEqual({
      api: { scheme: 'https', host: 'api.spotify.com', port: 443, basePath: '' },
      accounts: { scheme: 'https', host: 'accounts.spotify.com', port: 443, basePath: '' },
      timeoutMs: 5000,
      defaultRetryAfterMs: 30_000,
      clock: systemClock,
    });
  });

  it('takes overrides, and treats an undefined one as unset', () => {
    const clock = new VirtualClock();
    expect(
      resolveSpotifyClientOptions({
        apiUrl: 'http://127.0.0.1:4010',
        accountsUrl: undefined,
        timeoutMs: 250,
        defaultRetryAfterMs: 0,
        clock,
      }),
    ).toEqual({
      api: { scheme: 'http', host: '127.0.0.1', port: 4010, basePath: '' },
      accounts: { scheme: 'https', host: 'accounts.spotify.com', port: 443, basePath: '' },
      timeoutMs: 250,
      defaultRetryAfterMs: 0,
      clock,
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown option', { apiURL: 'http://x' }, /Unknown Spotify option `apiURL`/],
    ['a bad apiUrl', { apiUrl: 'nope' }, /`apiUrl` is not a valid URL/],
    ['a bad accountsUrl', { accountsUrl: 'ws://x' }, /`accountsUrl` must use http or https/],
    ['a zero timeout', { timeoutMs: 0 }, /`timeoutMs` must be an integer from 1 to 2147483647, got 0/],
    ['a fractional timeout', { timeoutMs: 1.5 }, /`timeoutMs` must be an integer/],
    ['a timeout too long for a timer', { timeoutMs: 2 ** 31 }, /`timeoutMs` must be an integer from 1 to/],
    ['a string timeout', { timeoutMs: '5000' }, /`timeoutMs` must be an integer .*got "5000"/],
    [
      'a negative default Retry-After',
      { defaultRetryAfterMs: -1 },
      /`defaultRetryAfterMs` must be an integer >= 0/,
    ],
    ['a clock without sleep', { clock: { now: () => 0 } }, /`clock` must be a Clock/],
  ])('rejects %s', (_name, overrides, message) => {
    expect(() => resolveSpotifyClientOptions(overrides as Partial<{ clock: Clock }>)).toThrow(message);
  });
});
