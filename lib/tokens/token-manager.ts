import type { SpotifyRefreshGrant, SpotifySignInGrant } from '../spotify';
import { SpotifyInvalidGrantError } from '../spotify';
import type { RefreshLockStore, TokenRecord, TokenStore } from '../store';
import type { Clock } from '../time/clock';
import { ReauthRequiredError } from './reauth-required-error';
import { RefreshWaitTimeoutError } from './refresh-wait-timeout-error';
import type { TokenCipher } from './token-cipher';

export interface TokenManagerOptions {
  /** Refresh this long before the access token expires. Default 60 000. */
  refreshBeforeExpiryMs: number;
  /** How long a worker may hold a user's refresh lock before it lapses. Default 15 000. */
  lockTtlMs: number;
  /** While another worker refreshes, re-read the store this often. Default 100. */
  waitPollMs: number;
}

export const DEFAULT_TOKEN_MANAGER_OPTIONS: Readonly<TokenManagerOptions> = Object.freeze({
  refreshBeforeExpiryMs: 60_000,
  lockTtlMs: 15_000,
  waitPollMs: 100,
});

export interface TokenManagerDeps {
  tokens: TokenStore;
  refreshLocks: RefreshLockStore;
  accounts: { refresh(refreshToken: string): Promise<SpotifyRefreshGrant> };
  cipher: TokenCipher;
  clock: Clock;
  /** This process's id: the owner of the refresh locks it takes. */
  ownerId: string;
  /** Called once when a user's grant turns out to be gone (`invalid_grant`). */
  onReauthRequired?: (userId: string) => void;
  options?: Partial<TokenManagerOptions>;
}

/**
 * Hands out valid access tokens. A token near its expiry, or one Spotify rejected with a 401, is refreshed once
 * per user across every worker: in-process callers share one promise, other processes wait on the shared lock
 * and read the token the holder stored. `invalid_grant` marks the user `reauth_required` (their tokens stay:
 * an accounts outage must never destroy them); an outage is rethrown as the transient failure it is.
 */
export class TokenManager {
  private readonly options: Readonly<TokenManagerOptions>;
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(private readonly deps: TokenManagerDeps) {
    this.options = Object.freeze({ ...DEFAULT_TOKEN_MANAGER_OPTIONS, ...deps.options });
    for (const [name, value] of Object.entries(this.options)) {
      if (!Number.isFinite(value) || value <= 0) {
        throw new RangeError(
          `TokenManager option \`${name}\` must be a positive number, got ${String(value)}`,
        );
      }
    }
  }

  /** Stores a new sign-in: the refresh token encrypted, the user `ok` again. */
  async signIn(userId: string, grant: SpotifySignInGrant): Promise<void> {
    await this.deps.tokens.set(userId, {
      accessToken: grant.accessToken,
      accessTokenExpiresAt: grant.receivedAt + grant.expiresIn * 1000,
      refreshTokenCiphertext: this.deps.cipher.encrypt(grant.refreshToken),
      status: 'ok',
    });
  }

  /** A token valid for at least `refreshBeforeExpiryMs`, refreshed when needed. */
  async accessToken(userId: string): Promise<string> {
    const record = await this.usableRecord(userId);
    if (record.accessTokenExpiresAt - this.options.refreshBeforeExpiryMs > this.deps.clock.now()) {
      return record.accessToken;
    }
    return this.refreshOnce(userId, record.accessToken);
  }

  /** Spotify answered 401 to `rejectedToken`: a fresh token (refreshed unless someone already replaced it). */
  async afterUnauthorized(userId: string, rejectedToken: string): Promise<string> {
    const record = await this.usableRecord(userId);
    if (record.accessToken !== rejectedToken) return record.accessToken;
    return this.refreshOnce(userId, rejectedToken);
  }

  private async usableRecord(userId: string): Promise<TokenRecord> {
    const record = await this.deps.tokens.get(userId);
    if (record === null || record.status === 'reauth_required') throw new ReauthRequiredError(userId);
    return record;
  }

  private refreshOnce(userId: string, staleToken: string): Promise<string> {
    const running = this.inFlight.get(userId);
    if (running) return running;
    const refreshing = this.refreshAcrossWorkers(userId, staleToken).finally(() =>
      this.inFlight.delete(userId),
    );
    this.inFlight.set(userId, refreshing);
    return refreshing;
  }

  private async refreshAcrossWorkers(userId: string, staleToken: string): Promise<string> {
    const { clock, refreshLocks, ownerId } = this.deps;
    const started = clock.now();
    for (;;) {
      if (await refreshLocks.tryLock(userId, ownerId, this.options.lockTtlMs, clock.now())) {
        try {
          return await this.refreshHoldingLock(userId, staleToken);
        } finally {
          await refreshLocks.unlock(userId, ownerId);
        }
      }
      // Another worker is refreshing: its result lands in the store.
      await clock.sleep(this.options.waitPollMs);
      const record = await this.usableRecord(userId);
      if (record.accessToken !== staleToken) return record.accessToken;
      if (clock.now() - started > this.options.lockTtlMs) {
        throw new RefreshWaitTimeoutError(userId, clock.now() - started);
      }
    }
  }

  private async refreshHoldingLock(userId: string, staleToken: string): Promise<string> {
    const { tokens, accounts, cipher } = this.deps;
    // The lock's previous holder may have finished between our read and our lock.
    const record = await this.usableRecord(userId);
    if (record.accessToken !== staleToken) return record.accessToken;
    let grant: SpotifyRefreshGrant;
    try {
      grant = await accounts.refresh(cipher.decrypt(record.refreshTokenCiphertext));
    } catch (error) {
      if (error instanceof SpotifyInvalidGrantError) {
        await tokens.markReauthRequired(userId);
        this.deps.onReauthRequired?.(userId);
        throw new ReauthRequiredError(userId);
      }
      throw error;
    }
    await tokens.updateAccessToken(userId, {
      accessToken: grant.accessToken,
      accessTokenExpiresAt: grant.receivedAt + grant.expiresIn * 1000,
      ...(grant.refreshToken === undefined
        ? {}
        : { refreshTokenCiphertext: cipher.encrypt(grant.refreshToken) }),
    });
    return grant.accessToken;
  }
}
