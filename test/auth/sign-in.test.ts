import { randomBytes } from 'node:crypto';
import express from 'express';
import session from 'express-session';
import { createAuthRouter } from '../../lib/auth';
import { STATE_COOKIE } from '../../lib/auth/oauth-state';
import { startSimulatorServer, SimWorld, type RunningSimulator } from '../../lib/simulator';
import { SpotifyAccountsClient, SpotifyApiClient } from '../../lib/spotify';
import { createMemoryStores, type Stores } from '../../lib/store';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { TokenCipher, TokenManager } from '../../lib/tokens';
import { listen, request, sessionIdOf, setCookie, silentLogger, storedSession } from './http-kit';

/**
 * Sign-in end to end: the auth router in an express app on a loopback port, the simulator's accounts service
 * and Web API on another, real HTTP in between, the redirects followed by the test as a browser would.
 */

const SECRET = 'test-session-secret';
const COOKIE = 'test.sid';
const LISTENER = 'wren';

let clock: VirtualClock;
let world: SimWorld;
let simulator: RunningSimulator;
let stores: Stores;
let sessions: session.MemoryStore;
let cipher: TokenCipher;
let accounts: SpotifyAccountsClient;
let app: { origin: string; close(): Promise<void> };

beforeEach(async () => {
  clock = new VirtualClock();
  world = new SimWorld(clock, { clientId: 'sign-in-client', clientSecret: 'sign-in-secret' });
  world.addListener({ id: LISTENER, actor: false });
  simulator = await startSimulatorServer(world);
  const clientOptions = { apiUrl: simulator.apiUrl, accountsUrl: simulator.accountsUrl, clock };
  accounts = new SpotifyAccountsClient(
    { clientId: world.clientId, clientSecret: world.clientSecret },
    clientOptions,
  );
  stores = createMemoryStores();
  cipher = new TokenCipher(randomBytes(32).toString('hex'));
  const tokens = new TokenManager({
    tokens: stores.tokens,
    refreshLocks: stores.refreshLocks,
    accounts,
    cipher,
    clock,
    ownerId: 'sign-in-test',
  });
  sessions = new session.MemoryStore();
  const web = express();
  app = await listen(web);
  web.use(
    createAuthRouter({
      accounts,
      spotify: new SpotifyApiClient(clientOptions),
      tokens,
      session: session({
        secret: SECRET,
        name: COOKIE,
        store: sessions,
        resave: false,
        saveUninitialized: false,
      }),
      userField: 'userId',
      cookieName: COOKIE,
      cookieSecret: SECRET,
      redirectUri: `${app.origin}/auth/callback`,
      clock,
      logger: silentLogger,
    }),
  );
});

afterEach(async () => {
  await app.close();
  await simulator.close();
  await stores.close();
});

/** `GET /auth/login`: the redirect to Spotify and the browser's state cookie. */
async function startLogin(): Promise<{ authorize: URL; cookie: string }> {
  const response = await request(`${app.origin}/auth/login`);
  expect(response.status).toBe(302);
  const cookie = setCookie(response, STATE_COOKIE);
  expect(cookie).not.toBeNull();
  return { authorize: new URL(response.headers.get('location') as string), cookie: cookie as string };
}

/** The accounts service approves at once: its redirect back to the callback, with `code` and `state`. */
async function approve(authorize: URL): Promise<URL> {
  const response = await request(authorize.toString());
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') as string);
}

function callback(query: Record<string, string>, cookie?: string): Promise<Response> {
  const url = new URL(`${app.origin}/auth/callback`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return request(url.toString(), cookie === undefined ? {} : { cookie });
}

function sessionCount(): Promise<number> {
  return new Promise((resolve, reject) =>
    sessions.length((error, length) => (error ? reject(error) : resolve(length ?? 0))),
  );
}

async function sessionUser(cookie: string): Promise<unknown> {
  const sid = sessionIdOf(cookie, SECRET);
  if (sid === null) return null;
  return (await storedSession(sessions, sid))?.userId ?? null;
}

describe('GET /auth/login', () => {
  it('keeps the state in a short-lived HttpOnly cookie for the callback only, storing no session', async () => {
    const response = await request(`${app.origin}/auth/login`);
    const header = response.headers.getSetCookie().find((c) => c.startsWith(`${STATE_COOKIE}=`));
    expect(header).toMatch(/; Max-Age=600;/);
    expect(header).toMatch(/; Path=\/auth\/callback;/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(setCookie(response, COOKIE)).toBeNull();
    expect(await sessionCount()).toBe(0);
  });

  it('redirects to the accounts service with the app, the callback, both scopes and a fresh state', async () => {
    const first = await startLogin();
    const second = await startLogin();
    const { authorize } = first;
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${simulator.accountsUrl}/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(world.clientId);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${app.origin}/auth/callback`);
    expect(authorize.searchParams.get('scope')?.split(' ').sort()).toEqual([
      'user-modify-playback-state',
      'user-read-playback-state',
    ]);
    const state = authorize.searchParams.get('state') as string;
    expect(state.length).toBeGreaterThanOrEqual(16);
    expect(second.authorize.searchParams.get('state')).not.toBe(state);
  });
});

describe('GET /auth/callback', () => {
  it('with the state it sent: stores the tokens encrypted, starts a session for the Spotify user, goes home', async () => {
    const { authorize, cookie } = await startLogin();
    const back = await approve(authorize);
    expect(back.searchParams.get('state')).toBe(authorize.searchParams.get('state'));

    const response = await callback(Object.fromEntries(back.searchParams), cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');

    const record = await stores.tokens.get(LISTENER);
    expect(record).toMatchObject({ status: 'ok' });
    const refreshToken = cipher.decrypt(record!.refreshTokenCiphertext);
    expect(record!.refreshTokenCiphertext).not.toContain(refreshToken);
    // The stored tokens are the listener's real ones: the refresh token refreshes, the access token reads.
    await expect(accounts.refresh(refreshToken)).resolves.toMatchObject({ accessToken: expect.any(String) });
    const me = await new SpotifyApiClient({ apiUrl: simulator.apiUrl }).getMe(record!.accessToken);
    expect((me.body as { id: string }).id).toBe(LISTENER);

    expect(setCookie(response, STATE_COOKIE)).toBe(`${STATE_COOKIE}=`);
    const signedIn = setCookie(response, COOKIE) as string;
    expect(await sessionUser(signedIn)).toBe(LISTENER);
    expect(await sessionCount()).toBe(1);
  });

  it.each([
    ['a different state', (state: string) => ({ state: `${state}x` }), 'does not match'],
    ['no state', () => ({ state: undefined }), 'missing'],
  ])('refuses %s with a 400 page that says so, storing nothing', async (_name, change, words) => {
    const { authorize, cookie } = await startLogin();
    const back = await approve(authorize);
    const query = { ...Object.fromEntries(back.searchParams), ...change(back.searchParams.get('state')!) };
    const response = await callback(definedOnly(query), cookie);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain(words);
    expect(await stores.tokens.get(LISTENER)).toBeNull();
    expect(setCookie(response, COOKIE)).toBeNull();
  });

  it('refuses a callback from a browser that never started a sign-in', async () => {
    const { authorize } = await startLogin();
    const back = await approve(authorize);
    const response = await callback(Object.fromEntries(back.searchParams));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('state is missing');
    expect(await stores.tokens.get(LISTENER)).toBeNull();
  });

  it('answers each state once: the callback clears its cookie, a second callback is refused', async () => {
    const { authorize, cookie } = await startLogin();
    const back = await approve(authorize);
    const first = await callback({ state: back.searchParams.get('state')!, code: 'not-a-code' }, cookie);
    expect(first.status).toBe(400);
    expect(setCookie(first, STATE_COOKIE)).toBe(`${STATE_COOKIE}=`);
    const again = await callback(Object.fromEntries(back.searchParams));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('state is missing');
    expect(await stores.tokens.get(LISTENER)).toBeNull();
  });

  it('refuses a state cookie that is not signed with the secret', async () => {
    const { authorize } = await startLogin();
    const back = await approve(authorize);
    const state = back.searchParams.get('state')!;
    const forged = `${STATE_COOKIE}=${encodeURIComponent(`${state}.${clock.now() + 60_000}.forged`)}`;
    const response = await callback(Object.fromEntries(back.searchParams), forged);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('state is missing');
    expect(await stores.tokens.get(LISTENER)).toBeNull();
  });

  it('refuses a state older than the sign-in window', async () => {
    const { authorize, cookie } = await startLogin();
    const back = await approve(authorize);
    await clock.advance(10 * 60_000 + 1);
    const response = await callback(Object.fromEntries(back.searchParams), cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('expired');
  });

  it('says so when the listener declines, storing nothing', async () => {
    const { authorize, cookie } = await startLogin();
    const response = await callback(
      { error: 'access_denied', state: authorize.searchParams.get('state')! },
      cookie,
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('did not allow access');
    expect(await stores.tokens.get(LISTENER)).toBeNull();
  });

  it('says so when Spotify does not accept the code', async () => {
    const { authorize, cookie } = await startLogin();
    const response = await callback({ code: 'bogus', state: authorize.searchParams.get('state')! }, cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('did not accept the sign-in code');
    expect(await stores.tokens.get(LISTENER)).toBeNull();
  });

  it('answers 502 when the accounts service is down', async () => {
    const { authorize, cookie } = await startLogin();
    const back = await approve(authorize);
    world.setAccountsOutage(true);
    const response = await callback(Object.fromEntries(back.searchParams), cookie);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('try again');
  });
});

describe('POST /auth/logout', () => {
  it('ends the session and clears its cookie', async () => {
    const { authorize, cookie } = await startLogin();
    const signedIn = setCookie(
      await callback(Object.fromEntries((await approve(authorize)).searchParams), cookie),
      COOKIE,
    )!;
    expect(await sessionUser(signedIn)).toBe(LISTENER);

    const response = await request(`${app.origin}/auth/logout`, { method: 'POST', cookie: signedIn });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(setCookie(response, COOKIE)).toBe(`${COOKIE}=`);
    expect(await sessionUser(signedIn)).toBeNull();
  });
});

function definedOnly(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}
