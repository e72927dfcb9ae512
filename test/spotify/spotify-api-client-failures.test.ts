import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { SpotifyApiClient } from '../../lib/spotify/spotify-api-client';
import { SpotifyConnectionError } from '../../lib/spotify/spotify-connection-error';
import { SpotifyFailure } from '../../lib/spotify/spotify-failure';
import { SpotifyMalformedBodyError } from '../../lib/spotify/spotify-malformed-body-error';
import { SpotifyNoContentError } from '../../lib/spotify/spotify-no-content-error';
import { SpotifyRateLimitedError } from '../../lib/spotify/spotify-rate-limited-error';
import { SpotifyRequestRejectedError } from '../../lib/spotify/spotify-request-rejected-error';
import { SpotifyTimeoutError } from '../../lib/spotify/spotify-timeout-error';
import { SpotifyUnauthorizedError } from '../../lib/spotify/spotify-unauthorized-error';
import { SpotifyUpstreamError } from '../../lib/spotify/spotify-upstream-error';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { isolateNetwork } from './nock-capture';

const BASE = 'http://127.0.0.1:4010';
const TOKEN = 'BQD-secret-access-token-of-listener-1';

isolateNetwork();

function client(options: ConstructorParameters<typeof SpotifyApiClient>[0] = {}): SpotifyApiClient {
  return new SpotifyApiClient({ apiUrl: BASE, timeoutMs: 200, ...options });
}

/** Every failure rejects with a SpotifyFailure whose message, fields and stack never carry the token. */
async function failureOf(call: Promise<unknown>): Promise<SpotifyFailure> {
  const error: unknown = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(SpotifyFailure);
  const failure = error as SpotifyFailure;
  expect(JSON.stringify({ ...failure, message: failure.message, stack: failure.stack })).not.toContain(TOKEN);
  return failure;
}

const player = () => nock(BASE).get('/v1/me/player').query({ additional_types: 'track,episode' });

describe('SpotifyApiClient failures', () => {
  it('429 with Retry-After: rate limited for that long, headers kept', async () => {
    player().reply(
      429,
      { error: { status: 429, message: 'API rate limit exceeded' } },
      { 'Retry-After': '19056' },
    );
    const failure = await failureOf(client().getPlayer(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyRateLimitedError);
    expect(failure).toMatchObject({
      code: 'SPOTIFY_RATE_LIMITED',
      status: 429,
      retryAfterMs: 19_056_000,
      retryAfterFromHeader: true,
      reason: null,
      headers: { 'retry-after': '19056' },
      operation: 'GET /v1/me/player',
    });
  });

  it('429 without Retry-After: the configured default', async () => {
    player().reply(429);
    const failure = await failureOf(client({ defaultRetryAfterMs: 12_000 }).getPlayer(TOKEN));
    expect(failure).toMatchObject({
      code: 'SPOTIFY_RATE_LIMITED',
      retryAfterMs: 12_000,
      retryAfterFromHeader: false,
    });
  });

  it('429 QUOTA_EXCEEDED: the reason is reported', async () => {
    player().reply(
      429,
      { error: { status: 429, message: 'Quota exceeded', reason: 'QUOTA_EXCEEDED' } },
      { 'Retry-After': '86400' },
    );
    const failure = await failureOf(client().getPlayer(TOKEN));
    expect(failure).toMatchObject({
      code: 'SPOTIFY_RATE_LIMITED',
      retryAfterMs: 86_400_000,
      reason: 'QUOTA_EXCEEDED',
    });
    expect(failure.message).toContain('QUOTA_EXCEEDED');
  });

  it("401: unauthorized, with Spotify's message", async () => {
    player().reply(401, { error: { status: 401, message: 'The access token expired' } });
    const failure = await failureOf(client().getPlayer(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyUnauthorizedError);
    expect(failure).toMatchObject({ status: 401, spotifyMessage: 'The access token expired' });
  });

  it('204 where a body is promised: no content', async () => {
    nock(BASE).get('/v1/me/player/queue').reply(204);
    const failure = await failureOf(client().getQueue(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyNoContentError);
    expect(failure).toMatchObject({ status: 204, operation: 'GET /v1/me/player/queue' });
  });

  it.each([500, 502, 503])('%i: upstream error with the status', async (status) => {
    player().reply(status, '<html>oops</html>', { 'Content-Type': 'text/html' });
    const failure = await failureOf(client().getPlayer(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyUpstreamError);
    expect(failure.status).toBe(status);
  });

  it('a response slower than the timeout: aborted, timeout error', async () => {
    player().delay(2000).reply(200, { is_playing: true });
    const failure = await failureOf(client({ timeoutMs: 100 }).getPlayer(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyTimeoutError);
    expect(failure).toMatchObject({ code: 'SPOTIFY_TIMEOUT', timeoutMs: 100, status: null, headers: {} });
  });

  it('the timeout runs on the injected clock', async () => {
    const clock = new VirtualClock(0);
    player().delay(60_000).reply(200, {});
    const failure = failureOf(client({ clock, timeoutMs: 5000 }).getPlayer(TOKEN));
    await clock.advance(4999);
    expect(clock.pendingCount).toBe(1);
    await clock.advance(1);
    expect(await failure).toBeInstanceOf(SpotifyTimeoutError);
  });

  it('a fast response cancels its timer', async () => {
    const clock = new VirtualClock(0);
    player().reply(200, {});
    await client({ clock }).getPlayer(TOKEN);
    expect(clock.pendingCount).toBe(0);
  });

  it('a connection reset: connection error with the code (upstream #340 threw a TypeError here)', async () => {
    player().replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    const failure = await failureOf(client().getPlayer(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyConnectionError);
    expect(failure).toMatchObject({ code: 'SPOTIFY_CONNECTION', causeCode: 'ECONNRESET', status: null });
  });

  it('a refused connection (nothing listening on a loopback port)', async () => {
    const port = await closedPort();
    const failure = await failureOf(client({ apiUrl: `http://127.0.0.1:${port}` }).pause(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyConnectionError);
    expect(failure).toMatchObject({ causeCode: 'ECONNREFUSED', operation: 'PUT /v1/me/player/pause' });
  });

  it('malformed JSON in a success: malformed body', async () => {
    player().reply(200, '{"is_playing": tru', { 'Content-Type': 'application/json' });
    const failure = await failureOf(client().getPlayer(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyMalformedBodyError);
    expect(failure).toMatchObject({ status: 200, problem: expect.stringMatching(/^not JSON/) });
  });

  it("a command's body is not read, so junk after a 2xx is no failure", async () => {
    nock(BASE).post('/v1/me/player/next').reply(200, 'not json at all');
    await expect(client().next(TOKEN)).resolves.toMatchObject({ status: 200 });
  });

  it('404 NO_ACTIVE_DEVICE on a command: rejected with the reason', async () => {
    nock(BASE)
      .put('/v1/me/player/pause')
      .reply(404, {
        error: {
          status: 404,
          message: 'Player command failed: No active device found',
          reason: 'NO_ACTIVE_DEVICE',
        },
      });
    const failure = await failureOf(client().pause(TOKEN));
    expect(failure).toBeInstanceOf(SpotifyRequestRejectedError);
    expect(failure).toMatchObject({
      status: 404,
      reason: 'NO_ACTIVE_DEVICE',
      spotifyMessage: 'Player command failed: No active device found',
    });
  });
});

/** A loopback port that was just free: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
