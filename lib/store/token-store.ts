import { assertInstant, assertNonEmptyString } from './argument-checks';

export type TokenStatus = 'ok' | 'reauth_required';

/**
 * A user's Spotify tokens. The refresh token arrives already encrypted: the store keeps the ciphertext as an
 * opaque string and never sees the plaintext.
 */
export interface TokenRecord {
  accessToken: string;
  /** ms since the epoch. */
  accessTokenExpiresAt: number;
  refreshTokenCiphertext: string;
  status: TokenStatus;
}

/** What a successful refresh yields; Spotify may or may not return a new refresh token. */
export interface AccessTokenUpdate {
  accessToken: string;
  accessTokenExpiresAt: number;
  /** Replaces the stored one only when present. */
  refreshTokenCiphertext?: string;
}

export interface TokenStore {
  get(userId: string): Promise<TokenRecord | null>;
  /** Writes the whole record (sign-in). */
  set(userId: string, record: TokenRecord): Promise<void>;
  /**
   * After a refresh: stores the new access token, sets `status: 'ok'` and keeps the refresh token unless the
   * update carries a new one. False (and nothing written) when the user has no record.
   */
  updateAccessToken(userId: string, update: AccessTokenUpdate): Promise<boolean>;
  /**
   * `invalid_grant`: the user must sign in again. The tokens stay (an accounts outage must not destroy them).
   * False when the user has no record.
   */
  markReauthRequired(userId: string): Promise<boolean>;
}

export const TOKEN_STATUSES: readonly TokenStatus[] = ['ok', 'reauth_required'];

export function assertTokenRecord(where: string, record: TokenRecord): void {
  assertAccessTokenUpdate(where, record);
  assertNonEmptyString(where, 'refreshTokenCiphertext', record.refreshTokenCiphertext);
  if (!TOKEN_STATUSES.includes(record.status)) {
    throw new RangeError(
      `${where}: status must be 'ok' or 'reauth_required', got ${JSON.stringify(record.status)}`,
    );
  }
}

export function assertAccessTokenUpdate(where: string, update: AccessTokenUpdate): void {
  assertNonEmptyString(where, 'accessToken', update.accessToken);
  assertInstant(where, 'accessTokenExpiresAt', update.accessTokenExpiresAt);
  if (update.refreshTokenCiphertext !== undefined) {
    assertNonEmptyString(where, 'refreshTokenCiphertext', update.refreshTokenCiphertext);
  }
}
