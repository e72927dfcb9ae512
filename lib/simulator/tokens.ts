import type { Random } from '../random/random';
import { opaqueToken } from './ids';

/**
 * The accounts service's memory: access tokens that expire, refresh tokens that can be revoked, and
 * single-use authorization codes. A refresh returns a new refresh token only sometimes (`rotation`, drawn from
 * a seeded Random), as Spotify does; an old refresh token stays valid after a new one is issued.
 */

export interface TokenSettings {
  /** Access token lifetime. Default 3600000 (Spotify's `expires_in: 3600`). */
  accessTokenTtlMs: number;
  /** Authorization code lifetime. Default 600000. */
  authorizationCodeTtlMs: number;
  /** Chance that a refresh also returns a new refresh token. Default 0.5. */
  refreshTokenRotation: number;
  /** Refresh token lifetime; null (default): they last until revoked, as Spotify's usually do. */
  refreshTokenTtlMs: number | null;
}

export const DEFAULT_TOKEN_SETTINGS: Readonly<TokenSettings> = Object.freeze({
  accessTokenTtlMs: 3_600_000,
  authorizationCodeTtlMs: 600_000,
  refreshTokenRotation: 0.5,
  refreshTokenTtlMs: null,
});

export const DEFAULT_SCOPE =
  'user-read-playback-state user-modify-playback-state user-read-currently-playing user-read-recently-played user-read-private user-read-email';

export interface IssuedTokens {
  accessToken: string;
  /** Absent when a refresh returned no new refresh token. */
  refreshToken?: string;
  expiresInSeconds: number;
  expiresAt: number;
  scope: string;
}

export type AuthResult = { listenerId: string } | { unauthorized: string };

export type GrantResult =
  { tokens: IssuedTokens; listenerId: string } | { error: 'invalid_grant'; description: string };

interface AccessEntry {
  listenerId: string;
  expiresAt: number;
  revoked: boolean;
}

interface RefreshEntry {
  listenerId: string;
  scope: string;
  expiresAt: number;
  revoked: boolean;
}

interface CodeEntry {
  listenerId: string;
  redirectUri: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export class TokenStore {
  private readonly access = new Map<string, AccessEntry>();
  private readonly refresh = new Map<string, RefreshEntry>();
  private readonly codes = new Map<string, CodeEntry>();

  constructor(
    private readonly random: Random,
    private readonly settings: TokenSettings,
  ) {}

  /** A fresh access and refresh token pair for `listenerId` (what the authorization code grant returns). */
  issue(listenerId: string, at: number, scope = DEFAULT_SCOPE): IssuedTokens {
    const refreshToken = opaqueToken(this.random, 'AQ', 129);
    const ttl = this.settings.refreshTokenTtlMs;
    this.refresh.set(refreshToken, {
      listenerId,
      scope,
      expiresAt: ttl === null ? Infinity : at + ttl,
      revoked: false,
    });
    return { ...this.accessToken(listenerId, at, scope), refreshToken };
  }

  authenticate(accessToken: string, at: number): AuthResult {
    const entry = this.access.get(accessToken);
    if (!entry || entry.revoked) return { unauthorized: 'Invalid access token' };
    if (at >= entry.expiresAt) return { unauthorized: 'The access token expired' };
    return { listenerId: entry.listenerId };
  }

  createCode(listenerId: string, redirectUri: string, at: number, scope = DEFAULT_SCOPE): string {
    const code = opaqueToken(this.random, 'AQ', 200);
    this.codes.set(code, {
      listenerId,
      redirectUri,
      scope,
      expiresAt: at + this.settings.authorizationCodeTtlMs,
      used: false,
    });
    return code;
  }

  exchangeCode(code: string, redirectUri: string | undefined, at: number): GrantResult {
    const entry = this.codes.get(code);
    if (!entry || entry.used) return { error: 'invalid_grant', description: 'Invalid authorization code' };
    if (at >= entry.expiresAt) return { error: 'invalid_grant', description: 'Authorization code expired' };
    if (redirectUri !== entry.redirectUri)
      return { error: 'invalid_grant', description: 'Invalid redirect URI' };
    entry.used = true;
    return { tokens: this.issue(entry.listenerId, at, entry.scope), listenerId: entry.listenerId };
  }

  refreshGrant(refreshToken: string, at: number): GrantResult {
    const entry = this.refresh.get(refreshToken);
    if (!entry) return { error: 'invalid_grant', description: 'Invalid refresh token' };
    if (entry.revoked) return { error: 'invalid_grant', description: 'Refresh token revoked' };
    if (at >= entry.expiresAt) return { error: 'invalid_grant', description: 'Refresh token expired' };
    if (this.random.chance(this.settings.refreshTokenRotation)) {
      return { tokens: this.issue(entry.listenerId, at, entry.scope), listenerId: entry.listenerId };
    }
    return { tokens: this.accessToken(entry.listenerId, at, entry.scope), listenerId: entry.listenerId };
  }

  /** The listener withdrew the app's access: every token of theirs stops working. */
  revoke(listenerId: string): void {
    for (const entry of this.access.values()) if (entry.listenerId === listenerId) entry.revoked = true;
    for (const entry of this.refresh.values()) if (entry.listenerId === listenerId) entry.revoked = true;
  }

  /** Every access token of the listener expires at `at` (their refresh tokens keep working). */
  expire(listenerId: string, at: number): void {
    for (const entry of this.access.values()) {
      if (entry.listenerId === listenerId) entry.expiresAt = Math.min(entry.expiresAt, at);
    }
  }

  private accessToken(listenerId: string, at: number, scope: string): IssuedTokens {
    const accessToken = opaqueToken(this.random, 'BQ', 150);
    const expiresAt = at + this.settings.accessTokenTtlMs;
    this.access.set(accessToken, { listenerId, expiresAt, revoked: false });
    return {
      accessToken,
      expiresAt,
      expiresInSeconds: Math.round(this.settings.accessTokenTtlMs / 1000),
      scope,
    };
  }
}
