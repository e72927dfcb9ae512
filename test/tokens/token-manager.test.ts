import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { SpotifyRefreshGrant } from '../../lib/spotify';
import { SpotifyInvalidGrantError, SpotifyUpstreamError } from '../../lib/spotify';
import { createMemoryStores, createRedisStores, type Stores } from '../../lib/store';
import { systemClock } from '../../lib/time/system-clock';
import { ReauthRequiredError, TokenCipher, TokenManager } from '../../lib/tokens';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';

const cipher = new TokenCipher(randomBytes(32).toString('hex'));
const details = { service: 'accounts' as const, operation: 'POST /api/token', status: 400, headers: {} };

/** A fake accounts service: counts refreshes, answers after `delayMs`, rotates or keeps the refresh token. */
function fakeAccounts(behaviour: { delayMs?: number; rotate?: boolean; fail?: () => Error } = {}) {
  const calls: string[] = [];
  return {
    calls,
    async refresh(refreshToken: string): Promise<SpotifyRefreshGrant> {
      calls.push(refreshToken);
      await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs ?? 20));
      if (behaviour.fail) throw behaviour.fail();
      const grant: SpotifyRefreshGrant = {
        accessToken: `access-${calls.length}`,
        expiresIn: 3600,
        scope: null,
        receivedAt: systemClock.now(),
      };
      if (behaviour.rotate) grant.refreshToken = `refresh-${calls.length}`;
      return grant;
    },
  };
}

async function seedExpired(stores: Stores, userId: string): Promise<void> {
  await stores.tokens.set(userId, {
    accessToken: 'expired-access',
    accessTokenExpiresAt: systemClock.now() - 1000,
    refreshTokenCiphertext: cipher.encrypt('refresh-0'),
    status: 'ok',
  });
}

function manager(
  stores: Stores,
  accounts: ReturnType<typeof fakeAccounts>,
  ownerId: string,
  reauth?: string[],
) {
  return new TokenManager({
    tokens: stores.tokens,
    refreshLocks: stores.refreshLocks,
    accounts,
    cipher,
    clock: systemClock,
    ownerId,
    onReauthRequired: (userId) => reauth?.push(userId),
    options: { waitPollMs: 10 },
  });
}

describe.each([
  ['memory', async () => ({ a: createMemoryStores(), b: null as Stores | null, cleanup: async () => {} })],
  [
    'redis',
    async () => {
      const prefix = uniquePrefix('tokens');
      const redisA = new Redis(testRedisUrl());
      const redisB = new Redis(testRedisUrl());
      const a = createRedisStores(redisA, { prefix });
      const b = createRedisStores(redisB, { prefix });
      return {
        a,
        b: b as Stores | null,
        cleanup: async () => {
          await a.close();
          await b.close();
          await deleteKeys(redisA, prefix);
          await redisA.quit();
          await redisB.quit();
        },
      };
    },
  ],
])('TokenManager on %s stores', (_name, open) => {
  let env: Awaited<ReturnType<typeof open>>;
  beforeEach(async () => {
    env = await open();
  });
  afterEach(async () => {
    await env.cleanup();
  });

  it('20 concurrent polls with an expired token cost exactly one refresh, across two workers', async () => {
    await seedExpired(env.a, 'u1');
    const accounts = fakeAccounts({ delayMs: 50 });
    const workerA = manager(env.a, accounts, 'worker-a');
    const workerB = manager(env.b ?? env.a, accounts, 'worker-b');
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? workerA : workerB).accessToken('u1')),
    );
    expect(accounts.calls).toEqual(['refresh-0']);
    expect(new Set(tokens)).toEqual(new Set(['access-1']));
  });

  it('keeps the old refresh token when the refresh returns none, and stores a rotated one encrypted', async () => {
    await seedExpired(env.a, 'u1');
    const keep = fakeAccounts();
    await manager(env.a, keep, 'w').accessToken('u1');
    const kept = await env.a.tokens.get('u1');
    expect(cipher.decrypt(kept!.refreshTokenCiphertext)).toBe('refresh-0');

    await env.a.tokens.updateAccessToken('u1', { accessToken: 'stale', accessTokenExpiresAt: 0 });
    const rotate = fakeAccounts({ rotate: true });
    await manager(env.a, rotate, 'w').accessToken('u1');
    const rotated = await env.a.tokens.get('u1');
    expect(rotated!.refreshTokenCiphertext).not.toContain('refresh-1');
    expect(cipher.decrypt(rotated!.refreshTokenCiphertext)).toBe('refresh-1');
  });

  it('does not refresh a token that is still fresh', async () => {
    await env.a.tokens.set('u1', {
      accessToken: 'fresh',
      accessTokenExpiresAt: systemClock.now() + 3_600_000,
      refreshTokenCiphertext: cipher.encrypt('refresh-0'),
      status: 'ok',
    });
    const accounts = fakeAccounts();
    await expect(manager(env.a, accounts, 'w').accessToken('u1')).resolves.toBe('fresh');
    expect(accounts.calls).toEqual([]);
  });

  it('after a 401 refreshes once, and not again when another caller already replaced the token', async () => {
    await env.a.tokens.set('u1', {
      accessToken: 'rejected',
      accessTokenExpiresAt: systemClock.now() + 3_600_000,
      refreshTokenCiphertext: cipher.encrypt('refresh-0'),
      status: 'ok',
    });
    const accounts = fakeAccounts();
    const tokens = manager(env.a, accounts, 'w');
    await expect(tokens.afterUnauthorized('u1', 'rejected')).resolves.toBe('access-1');
    await expect(tokens.afterUnauthorized('u1', 'rejected')).resolves.toBe('access-1');
    expect(accounts.calls).toHaveLength(1);
  });

  it('invalid_grant marks the user reauth_required, tells the worker once, and keeps the tokens', async () => {
    await seedExpired(env.a, 'u1');
    const reauth: string[] = [];
    const accounts = fakeAccounts({
      fail: () => new SpotifyInvalidGrantError(details, 'Refresh token revoked'),
    });
    const tokens = manager(env.a, accounts, 'w', reauth);
    await expect(tokens.accessToken('u1')).rejects.toBeInstanceOf(ReauthRequiredError);
    await expect(tokens.accessToken('u1')).rejects.toMatchObject({ code: 'REAUTH_REQUIRED' });
    expect(reauth).toEqual(['u1']);
    expect(accounts.calls).toHaveLength(1);
    const record = await env.a.tokens.get('u1');
    expect(record).toMatchObject({ status: 'reauth_required' });
    expect(cipher.decrypt(record!.refreshTokenCiphertext)).toBe('refresh-0');
  });

  it('an accounts outage (503) is rethrown as transient and leaves the tokens as they were', async () => {
    await seedExpired(env.a, 'u1');
    const before = await env.a.tokens.get('u1');
    const accounts = fakeAccounts({
      fail: () => new SpotifyUpstreamError({ ...details, status: 503 }, 'Service Unavailable'),
    });
    await expect(manager(env.a, accounts, 'w').accessToken('u1')).rejects.toBeInstanceOf(
      SpotifyUpstreamError,
    );
    expect(await env.a.tokens.get('u1')).toEqual(before);
    await expect(manager(env.a, fakeAccounts(), 'w').accessToken('u1')).resolves.toBe('access-1');
  });

  it('a user who never signed in needs to', async () => {
    await expect(manager(env.a, fakeAccounts(), 'w').accessToken('nobody')).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
  });
});
