import { sign } from 'cookie-signature';
import { Redis } from 'ioredis';
import type { SessionData } from 'express-session';
import {
  cookieValue,
  MemorySessionStore,
  RedisSessionStore,
  sessionTtlSeconds,
  StoreSessionResolver,
} from '../../lib/session';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';

const T0 = 1_764_000_000_000;
const SID = 'Sx9-secret-session-id_0123456789';
const HOUR = 3_600_000;

function record(fields: Record<string, unknown>, expiresAt: number | null = T0 + HOUR): SessionData {
  const cookie =
    expiresAt === null ? { originalMaxAge: null } : { expires: new Date(expiresAt).toISOString() };
  return { cookie, ...fields } as unknown as SessionData;
}

function put(store: MemorySessionStore | RedisSessionStore, sid: string, data: SessionData): Promise<void> {
  return new Promise((resolve, reject) =>
    store.set(sid, data, (error) => (error ? reject(error) : resolve())),
  );
}

const cookie = (sid: string, secret: string) => `connect.sid=${encodeURIComponent(`s:${sign(sid, secret)}`)}`;

describe('StoreSessionResolver', () => {
  let clock: VirtualClock;
  let store: MemorySessionStore;
  let resolver: StoreSessionResolver;

  beforeEach(async () => {
    clock = new VirtualClock(T0);
    store = new MemorySessionStore(clock);
    resolver = new StoreSessionResolver(store, { secret: ['new-secret', 'old-secret'] }, clock);
    await put(store, SID, record({ userId: 'u1' }));
  });

  it.each<[string, () => { sessionId?: string; cookieHeader?: string }, string, string, RegExp]>([
    ['a session id', () => ({ sessionId: SID }), 'ok', 'u1', /./],
    ['the cookie', () => ({ cookieHeader: cookie(SID, 'new-secret') }), 'ok', 'u1', /./],
    [
      'a cookie signed with an older secret',
      () => ({ cookieHeader: cookie(SID, 'old-secret') }),
      'ok',
      'u1',
      /./,
    ],
    ['nothing', () => ({}), 'refused', 'unauthenticated', /^No session: sign in first/],
    [
      'another cookie only',
      () => ({ cookieHeader: 'theme=dark' }),
      'refused',
      'unauthenticated',
      /^No session/,
    ],
    ['an id with a space', () => ({ sessionId: 'a b' }), 'refused', 'unauthenticated', /is not a session id/],
    [
      'an unsigned cookie',
      () => ({ cookieHeader: `connect.sid=${SID}` }),
      'refused',
      'unauthenticated',
      /not signed/,
    ],
    [
      'a cookie signed with a wrong secret',
      () => ({ cookieHeader: cookie(SID, 'wrong') }),
      'refused',
      'unauthenticated',
      /signature does not match/,
    ],
    ['an unknown id', () => ({ sessionId: `${SID}-other` }), 'refused', 'unauthenticated', /does not exist/],
  ])('with %s: %s %s', async (_what, credentials, status, codeOrUser, message) => {
    const lookup = await resolver.resolve(credentials());
    if (status === 'ok') {
      expect(lookup).toEqual({ status: 'ok', userId: codeOrUser });
      return;
    }
    expect(lookup).toMatchObject({
      status: 'refused',
      code: codeOrUser,
      message: expect.stringMatching(message),
    });
    expect(JSON.stringify(lookup)).not.toContain(SID);
  });

  it('says a session whose cookie expired has expired, and one without a user is not signed in', async () => {
    await put(store, 'anonymous', record({ theme: 'dark' }));
    await expect(resolver.resolve({ sessionId: 'anonymous' })).resolves.toMatchObject({
      code: 'unauthenticated',
      message: expect.stringMatching(/not signed in/),
    });
    await clock.advance(HOUR - 1);
    await expect(resolver.resolve({ sessionId: SID })).resolves.toMatchObject({ status: 'ok' });
    await clock.advance(1);
    await expect(resolver.resolve({ sessionId: SID })).resolves.toEqual({
      status: 'refused',
      code: 'session_expired',
      message: 'This session has expired: sign in again.',
    });
  });

  it('reads the user id from the configured field', async () => {
    await put(store, 'other-app', record({ account: 'u7' }));
    const custom = new StoreSessionResolver(store, { secret: 's', userField: 'account' }, clock);
    await expect(custom.resolve({ sessionId: 'other-app' })).resolves.toEqual({ status: 'ok', userId: 'u7' });
  });

  it('refuses to be built without a secret', () => {
    expect(() => new StoreSessionResolver(store, { secret: '' })).toThrow(
      /secret must be a non-empty string/,
    );
    expect(() => new StoreSessionResolver(store, { secret: [] })).toThrow(RangeError);
  });
});

describe('StoreSessionResolver over Redis', () => {
  const prefix = uniquePrefix('test-session');
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });

  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("tells an expired session a web app still keeps (connect-redis' `ttl` beyond the cookie) from an unknown one", async () => {
    await redis.set(`${prefix}${SID}`, JSON.stringify(record({ userId: 'u1' }, T0 - 1)), 'EX', 60);
    const resolver = new StoreSessionResolver(
      new RedisSessionStore(redis, prefix),
      { secret: 's' },
      new VirtualClock(T0),
    );
    await expect(resolver.resolve({ sessionId: SID })).resolves.toMatchObject({ code: 'session_expired' });
    await expect(resolver.resolve({ sessionId: 'gone' })).resolves.toMatchObject({ code: 'unauthenticated' });
  });

  it('rejects when Redis cannot be reached, so the caller can answer "unavailable"', async () => {
    const down = new Redis(testRedisUrl(), {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    });
    const resolver = new StoreSessionResolver(new RedisSessionStore(down, prefix), { secret: 's' });
    await expect(resolver.resolve({ sessionId: SID })).rejects.toThrow();
    down.disconnect();
  });
});

describe('session records and cookies', () => {
  it.each([
    ['a=1; connect.sid=s%3Aabc.def; b=2', 'connect.sid', 's:abc.def'],
    ['connect.sid="quoted"', 'connect.sid', 'quoted'],
    ['x=1; connect.sid=first; connect.sid=second', 'connect.sid', 'first'],
    ['connect.sid=%E0%A4%A', 'connect.sid', '%E0%A4%A'],
    ['theme=dark', 'connect.sid', undefined],
  ])('finds the cookie in %j', (header, name, expected) => {
    expect(cookieValue(header, name)).toBe(expected);
  });

  it('keeps a session until its cookie expires, or a day without an expiry (connect-redis)', () => {
    expect(sessionTtlSeconds(record({}, T0 + 90_500), T0)).toBe(91);
    expect(sessionTtlSeconds(record({}, null), T0)).toBe(86_400);
    expect(sessionTtlSeconds(record({}, T0 - 5000), T0)).toBeLessThanOrEqual(0);
  });
});
