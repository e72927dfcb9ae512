import nock from 'nock';
import { SpotifyAccountsClient } from '../../lib/spotify/spotify-accounts-client';
import { SpotifyConnectionError } from '../../lib/spotify/spotify-connection-error';
import { SpotifyFailure } from '../../lib/spotify/spotify-failure';
import { SpotifyInvalidGrantError } from '../../lib/spotify/spotify-invalid-grant-error';
import { SpotifyMalformedBodyError } from '../../lib/spotify/spotify-malformed-body-error';
import { SpotifyRequestRejectedError } from '../../lib/spotify/spotify-request-rejected-error';
import { SpotifyTimeoutError } from '../../lib/spotify/spotify-timeout-error';
import { SpotifyUpstreamError } from '../../lib/spotify/spotify-upstream-error';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { captureNext, isolateNetwork } from './nock-capture';

const ACCOUNTS = 'http://127.0.0.1:4011';
const CREDENTIALS = { clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const BASIC = `Basic ${Buffer.from('client-id-1:client-secret-1').toString('base64')}`;
const REFRESH_TOKEN = 'AQD-secret-refresh-token';
const CODE = 'AQB-secret-authorization-code';
const REDIRECT = 'http://localhost:3000/auth/callback';
const NOW = 1_764_000_000_000;

isolateNetwork();

function accounts(
  options: ConstructorParameters<typeof SpotifyAccountsClient>[1] = {},
): SpotifyAccountsClient {
  return new SpotifyAccountsClient(CREDENTIALS, {
    accountsUrl: ACCOUNTS,
    timeoutMs: 200,
    clock: new VirtualClock(NOW),
    ...options,
  });
}

/** Rejects with a SpotifyFailure that carries none of the secrets involved. */
async function failureOf(call: Promise<unknown>): Promise<SpotifyFailure> {
  const error: unknown = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(SpotifyFailure);
  const failure = error as SpotifyFailure;
  const everything = JSON.stringify({ ...failure, message: failure.message, stack: failure.stack });
  for (const secret of [REFRESH_TOKEN, CODE, CREDENTIALS.clientSecret, BASIC])
    expect(everything).not.toContain(secret);
  return failure;
}

describe('SpotifyAccountsClient.authorizeUrl', () => {
  it('points at the configured accounts service with every parameter encoded', () => {
    const url = new URL(
      accounts().authorizeUrl(['user-read-playback-state', 'user-modify-playback-state'], 's&t=1', REDIRECT),
    );
    expect(url.origin + url.pathname).toBe(`${ACCOUNTS}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-id-1',
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'user-read-playback-state user-modify-playback-state',
      state: 's&t=1',
    });
  });

  it('defaults to accounts.spotify.com', () => {
    const url = new URL(new SpotifyAccountsClient(CREDENTIALS).authorizeUrl([], 'x', REDIRECT));
    expect(url.origin + url.pathname).toBe('https://accounts.spotify.com/authorize');
  });

  it.each<[string, () => string, RegExp]>([
    [
      'a scope with a space',
      () => accounts().authorizeUrl(['a b'], 's', REDIRECT),
      /`scopes` must be an array of scope names/,
    ],
    ['a blank state', () => accounts().authorizeUrl([], '', REDIRECT), /`state` must be a non-empty string/],
    [
      'a relative redirect',
      () => accounts().authorizeUrl([], 's', '/cb'),
      /`redirectUri` must be an absolute URL/,
    ],
  ])('rejects %s', (_name, call, message) => {
    expect(call).toThrow(message);
  });

  it('rejects missing credentials', () => {
    expect(() => new SpotifyAccountsClient({ clientId: '', clientSecret: 'x' })).toThrow(
      /`clientId` must be a non-empty string/,
    );
    expect(() => new SpotifyAccountsClient({ clientId: 'id', clientSecret: '' })).toThrow(
      /`clientSecret` must be a non-empty string/,
    );
  });
});

describe('SpotifyAccountsClient token calls', () => {
  it('exchangeCode posts the code as a form with HTTP Basic client authentication', async () => {
    const { request } = captureNext(ACCOUNTS, 'POST', {
      status: 200,
      body: {
        access_token: 'new-access',
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: 'new-refresh',
        scope: 'a b',
      },
    });
    await expect(accounts().exchangeCode(CODE, REDIRECT)).resolves.toEqual({
      accessToken: 'new-access',
      expiresIn: 3600,
      refreshToken: 'new-refresh',
      scope: 'a b',
      receivedAt: NOW,
    });
    const sent = request();
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/api/token',
      query: {},
      headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: REDIRECT,
    });
  });

  it('refresh posts the refresh token and returns the rotated one when Spotify sends it', async () => {
    const { request } = captureNext(ACCOUNTS, 'POST', {
      status: 200,
      body: { access_token: 'new-access', expires_in: 3600, refresh_token: 'rotated-refresh' },
    });
    await expect(accounts().refresh(REFRESH_TOKEN)).resolves.toEqual({
      accessToken: 'new-access',
      expiresIn: 3600,
      refreshToken: 'rotated-refresh',
      scope: null,
      receivedAt: NOW,
    });
    expect(request()).toMatchObject({ path: '/api/token', headers: { authorization: BASIC } });
    expect(Object.fromEntries(new URLSearchParams(request().body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH_TOKEN,
    });
  });

  it('refresh without refresh_token in the response: no refreshToken (keep the old one)', async () => {
    captureNext(ACCOUNTS, 'POST', {
      status: 200,
      body: { access_token: 'new-access', token_type: 'Bearer', expires_in: 3600 },
    });
    const grant = await accounts().refresh(REFRESH_TOKEN);
    expect(grant).toEqual({ accessToken: 'new-access', expiresIn: 3600, scope: null, receivedAt: NOW });
    expect('refreshToken' in grant).toBe(false);
  });

  it('invalid_grant on refresh: the grant is gone, with the description', async () => {
    nock(ACCOUNTS)
      .post('/api/token')
      .reply(400, { error: 'invalid_grant', error_description: 'Refresh token revoked' });
    const failure = await failureOf(accounts().refresh(REFRESH_TOKEN));
    expect(failure).toBeInstanceOf(SpotifyInvalidGrantError);
    expect(failure).toMatchObject({
      code: 'SPOTIFY_INVALID_GRANT',
      service: 'accounts',
      status: 400,
      description: 'Refresh token revoked',
      operation: 'POST /api/token',
    });
  });

  it('invalid_grant on a code exchange (code already used)', async () => {
    nock(ACCOUNTS)
      .post('/api/token')
      .reply(400, { error: 'invalid_grant', error_description: 'Invalid authorization code' });
    expect(await failureOf(accounts().exchangeCode(CODE, REDIRECT))).toBeInstanceOf(SpotifyInvalidGrantError);
  });

  it('bad client credentials: rejected, not a token problem', async () => {
    nock(ACCOUNTS)
      .post('/api/token')
      .reply(401, { error: 'invalid_client', error_description: 'Invalid client secret' });
    const failure = await failureOf(accounts().refresh(REFRESH_TOKEN));
    expect(failure).toBeInstanceOf(SpotifyRequestRejectedError);
    expect(failure).toMatchObject({ status: 401, spotifyMessage: 'Invalid client secret' });
  });

  it.each<[string, (scope: nock.Interceptor) => nock.Scope, new (...args: never[]) => SpotifyFailure]>([
    ['503', (i) => i.reply(503, 'Service Unavailable'), SpotifyUpstreamError],
    [
      'a reset',
      (i) => i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
      SpotifyConnectionError,
    ],
    ['a stall', (i) => i.delay(2000).reply(200, {}), SpotifyTimeoutError],
  ])('an accounts outage (%s) is never invalid_grant', async (_name, reply, expected) => {
    reply(nock(ACCOUNTS).post('/api/token'));
    // The system clock (an undefined option keeps its default), so the stall's timeout fires in real time.
    const failure = await failureOf(accounts({ clock: undefined, timeoutMs: 100 }).refresh(REFRESH_TOKEN));
    expect(failure).toBeInstanceOf(expected);
  });

  it.each<[string, string | Record<string, unknown>, RegExp]>([
    ['not JSON', '{"access_token":"new-access"', /^not JSON/],
    ['no access_token', { expires_in: 3600 }, /^access_token: /],
    ['an empty access_token', { access_token: '', expires_in: 3600 }, /^access_token: /],
    ['a string expires_in', { access_token: 'a', expires_in: '3600' }, /^expires_in: /],
  ])('a malformed token response (%s)', async (_name, body, problem) => {
    nock(ACCOUNTS).post('/api/token').reply(200, body, { 'Content-Type': 'application/json' });
    const failure = await failureOf(accounts().refresh(REFRESH_TOKEN));
    expect(failure).toBeInstanceOf(SpotifyMalformedBodyError);
    expect((failure as SpotifyMalformedBodyError).problem).toMatch(problem);
    expect(failure.message).not.toContain('new-access');
  });

  it('a sign-in grant without a refresh token is malformed', async () => {
    nock(ACCOUNTS).post('/api/token').reply(200, { access_token: 'a', expires_in: 3600 });
    const failure = await failureOf(accounts().exchangeCode(CODE, REDIRECT));
    expect(failure).toMatchObject({
      code: 'SPOTIFY_MALFORMED_BODY',
      problem: 'refresh_token: missing from a sign-in grant',
    });
  });

  it('checks its arguments without repeating a secret', async () => {
    await expect(accounts().refresh('')).rejects.toThrow(/`refreshToken` must be a non-empty string/);
    await expect(accounts().exchangeCode('', REDIRECT)).rejects.toThrow(/`code` must be a non-empty string/);
    await expect(accounts().exchangeCode(CODE, 'nope')).rejects.toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(CODE) }),
    );
  });
});
