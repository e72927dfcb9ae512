import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ListenerCredentials } from '../../../../lib/simulator';
import { createRedisStores, type Stores } from '../../../../lib/store';
import { systemClock } from '../../../../lib/time/system-clock';
import { TokenCipher, TokenManager } from '../../../../lib/tokens';

export interface AccountsOptions {
  redisUrl: string;
  /** REDIS_KEY_PREFIX of the daemon. */
  keyPrefix: string;
  /** TOKEN_ENCRYPTION_KEY of the daemon. */
  encryptionKey: string;
  /** SESSION_PREFIX of the web app. Default `sess:`. */
  sessionPrefix?: string;
  /** Lifetime of the sessions written. Default a day. */
  sessionTtlMs?: number;
}

const SESSION_TTL_MS = 24 * 3_600_000;

/**
 * What a host app does when a listener signs in, written straight into Redis: the Spotify tokens through the
 * daemon's own TokenManager.signIn (refresh token encrypted), and a connect-redis style session
 * `sess:{sid}` = `{cookie: {expires, …}, userId}`. Close it: the stores hold a pub/sub connection.
 */
export class Accounts {
  readonly redis: Redis;
  readonly stores: Stores;
  private readonly tokens: TokenManager;

  constructor(private readonly options: AccountsOptions) {
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    // The drills take Redis away on purpose; ioredis reconnects by itself.
    this.redis.on('error', () => undefined);
    this.stores = createRedisStores(this.redis, { prefix: options.keyPrefix });
    this.tokens = new TokenManager({
      tokens: this.stores.tokens,
      refreshLocks: this.stores.refreshLocks,
      accounts: { refresh: () => Promise.reject(new Error('the bench never refreshes')) },
      cipher: new TokenCipher(options.encryptionKey),
      clock: systemClock,
      ownerId: 'bench',
    });
  }

  async signIn(listeners: readonly ListenerCredentials[]): Promise<void> {
    const now = systemClock.now();
    await Promise.all(
      listeners.map((listener) =>
        this.tokens.signIn(listener.id, {
          accessToken: listener.accessToken,
          refreshToken: listener.refreshToken,
          expiresIn: Math.max(60, Math.floor((listener.expiresAt - now) / 1000)),
          scope: null,
          receivedAt: now,
        }),
      ),
    );
  }

  /** One session per user id, written in one pipeline; returns the session ids in the same order. */
  async createSessions(userIds: readonly string[]): Promise<string[]> {
    const ttlMs = this.options.sessionTtlMs ?? SESSION_TTL_MS;
    const prefix = this.options.sessionPrefix ?? 'sess:';
    const expires = new Date(systemClock.now() + ttlMs).toISOString();
    const pipeline = this.redis.pipeline();
    const ids = userIds.map((userId) => {
      const sid = randomBytes(18).toString('base64url');
      const session = {
        cookie: { originalMaxAge: ttlMs, expires, secure: false, httpOnly: true, path: '/', sameSite: 'lax' },
        userId,
      };
      pipeline.set(`${prefix}${sid}`, JSON.stringify(session), 'PX', ttlMs);
      return sid;
    });
    await pipeline.exec();
    return ids;
  }

  async close(): Promise<void> {
    await this.stores.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
