import type { SimWorld } from '../../lib/simulator/world';
import { bodyOf, call, quietListener, testWorld } from './sim-test-kit';

const REDIRECT = 'http://localhost:3000/auth/callback';

function basic(world: SimWorld, secret = world.clientSecret): string {
  return `Basic ${Buffer.from(`${world.clientId}:${secret}`).toString('base64')}`;
}

function login(world: SimWorld, listener?: string): string {
  const response = world.authorize({
    client_id: world.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    state: 'xyz',
    scope: 'user-read-playback-state',
    listener,
  });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.location!);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code')!;
}

function refresh(world: SimWorld, refreshToken: string) {
  return world.token(basic(world), { grant_type: 'refresh_token', refresh_token: refreshToken });
}

describe('the authorization code flow', () => {
  it('redirects with a code that exchanges once for tokens that reach the API', () => {
    const { world } = testWorld();
    quietListener(world, { id: 'alice' });
    const code = login(world, 'alice');
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: world.clientId,
      client_secret: world.clientSecret,
    };
    const granted = bodyOf(world.token(undefined, form));
    expect(granted).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: expect.any(String) });
    expect(granted.access_token).toMatch(/^BQ[\w-]{150}$/);
    expect(granted.refresh_token).toMatch(/^AQ[\w-]{129}$/);
    expect(bodyOf(call(world, granted.access_token as string, 'GET', '/v1/me')).id).toBe('alice');
    expect(bodyOf(world.token(undefined, form))).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid authorization code',
    });
  });

  it.each([
    ['another redirect URI', { redirect_uri: 'http://localhost:3000/elsewhere' }, 'Invalid redirect URI'],
    ['no grant type', { grant_type: undefined }, 'grant_type parameter is missing'],
  ])('refuses %s', (_name, change, description) => {
    const { world } = testWorld();
    quietListener(world);
    const form = { grant_type: 'authorization_code', code: login(world), redirect_uri: REDIRECT, ...change };
    const response = world.token(basic(world), form);
    expect(response.status).toBe(400);
    expect(bodyOf(response).error_description).toBe(description);
  });

  it('refuses an expired code', async () => {
    const { world, clock } = testWorld();
    quietListener(world);
    const code = login(world);
    await clock.advance(600_000);
    const response = world.token(basic(world), {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    expect(bodyOf(response)).toEqual({
      error: 'invalid_grant',
      error_description: 'Authorization code expired',
    });
  });

  it('refuses a wrong client', () => {
    const { world } = testWorld();
    quietListener(world);
    expect(world.authorize({ client_id: 'nope', response_type: 'code', redirect_uri: REDIRECT }).status).toBe(
      400,
    );
    const response = world.token(basic(world, 'wrong'), { grant_type: 'refresh_token', refresh_token: 'x' });
    expect(response.status).toBe(400);
    expect(bodyOf(response).error).toBe('invalid_client');
  });

  it('logs in as the first listener by default', () => {
    const { world } = testWorld();
    quietListener(world, { id: 'first' });
    quietListener(world, { id: 'second' });
    const granted = bodyOf(
      world.token(basic(world), {
        grant_type: 'authorization_code',
        code: login(world),
        redirect_uri: REDIRECT,
      }),
    );
    expect(bodyOf(call(world, granted.access_token as string, 'GET', '/v1/me')).id).toBe('first');
  });
});

describe('access tokens', () => {
  it('expire after their lifetime with Spotify 401 body and header', async () => {
    const { world, clock } = testWorld({ tokens: { accessTokenTtlMs: 60_000 } });
    const { accessToken } = quietListener(world);
    await clock.advance(59_999);
    expect(call(world, accessToken, 'GET', '/v1/me/player').status).toBe(200);
    await clock.advance(1);
    const expired = call(world, accessToken, 'GET', '/v1/me/player');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: { status: 401, message: 'The access token expired' } });
    expect(expired.headers['www-authenticate']).toContain('invalid_token');
  });

  it.each([
    ['no header', undefined, 401, 'No token provided'],
    ['an unknown token', 'Bearer BQnope', 401, 'Invalid access token'],
    ['basic authentication', 'Basic abc', 400, 'Only valid bearer authentication supported'],
  ])('refuses %s', (_name, authorization, status, message) => {
    const { world } = testWorld();
    quietListener(world);
    const response = world.request({ method: 'GET', path: '/v1/me/player', authorization });
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { status, message } });
  });

  it('expire on demand while the refresh token keeps working', () => {
    const { world } = testWorld();
    const { id, accessToken, refreshToken } = quietListener(world);
    world.expireTokens(id);
    expect(bodyOf(call(world, accessToken, 'GET', '/v1/me')).error).toMatchObject({
      message: 'The access token expired',
    });
    const renewed = bodyOf(refresh(world, refreshToken));
    expect(call(world, renewed.access_token as string, 'GET', '/v1/me').status).toBe(200);
  });
});

describe('refresh', () => {
  it('sometimes returns no new refresh token; the old one keeps working', () => {
    const { world } = testWorld({ tokens: { refreshTokenRotation: 0 } });
    const { refreshToken } = quietListener(world);
    const first = bodyOf(refresh(world, refreshToken));
    expect(first).not.toHaveProperty('refresh_token');
    expect(first).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(refresh(world, refreshToken).status).toBe(200);
  });

  it('sometimes rotates the refresh token; both stay valid', () => {
    const { world } = testWorld({ tokens: { refreshTokenRotation: 1 } });
    const { refreshToken } = quietListener(world);
    const rotated = bodyOf(refresh(world, refreshToken));
    expect(rotated.refresh_token).toEqual(expect.any(String));
    expect(rotated.refresh_token).not.toBe(refreshToken);
    expect(refresh(world, rotated.refresh_token as string).status).toBe(200);
    expect(refresh(world, refreshToken).status).toBe(200);
  });

  it('mixes both by default, the same way for the same seed', () => {
    const rotations = (seed: number) => {
      const { world } = testWorld({ seed });
      const { refreshToken } = quietListener(world);
      return Array.from({ length: 20 }, () => 'refresh_token' in bodyOf(refresh(world, refreshToken)));
    };
    expect(new Set(rotations(1))).toEqual(new Set([true, false]));
    expect(rotations(1)).toEqual(rotations(1));
  });

  it('answers invalid_grant for a revoked or unknown refresh token', () => {
    const { world } = testWorld();
    const { id, accessToken, refreshToken } = quietListener(world);
    world.revokeTokens(id);
    expect(bodyOf(refresh(world, refreshToken))).toEqual({
      error: 'invalid_grant',
      error_description: 'Refresh token revoked',
    });
    expect(call(world, accessToken, 'GET', '/v1/me').body).toEqual({
      error: { status: 401, message: 'Invalid access token' },
    });
    expect(bodyOf(refresh(world, 'AQunknown'))).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid refresh token',
    });
  });

  it('answers invalid_grant for an expired refresh token, when they are given a lifetime', async () => {
    const { world, clock } = testWorld({ tokens: { refreshTokenTtlMs: 60_000 } });
    const { refreshToken } = quietListener(world);
    expect(refresh(world, refreshToken).status).toBe(200);
    await clock.advance(60_000);
    expect(bodyOf(refresh(world, refreshToken))).toEqual({
      error: 'invalid_grant',
      error_description: 'Refresh token expired',
    });
  });

  it('fails with 503 during an accounts outage and works again after it', () => {
    const { world } = testWorld();
    const { refreshToken } = quietListener(world);
    world.setAccountsOutage(true);
    const down = refresh(world, refreshToken);
    expect(down.status).toBe(503);
    expect(bodyOf(down).error).toBe('temporarily_unavailable');
    expect(world.authorize({ client_id: world.clientId }).status).toBe(503);
    world.setAccountsOutage(false);
    expect(refresh(world, refreshToken).status).toBe(200);
    expect(world.countsSnapshot().accounts).toEqual({
      'POST /api/token 503': 1,
      'GET /authorize 503': 1,
      'POST /api/token 200': 1,
    });
  });
});
