import { assertKeyPart } from '../key-part';
import {
  assertAccessTokenUpdate,
  assertTokenRecord,
  type AccessTokenUpdate,
  type TokenRecord,
  type TokenStore,
} from '../token-store';

export class MemoryTokenStore implements TokenStore {
  private readonly records = new Map<string, TokenRecord>();

  async get(userId: string): Promise<TokenRecord | null> {
    assertKeyPart('userId', userId);
    const record = this.records.get(userId);
    return record ? { ...record } : null;
  }

  async set(userId: string, record: TokenRecord): Promise<void> {
    assertKeyPart('userId', userId);
    assertTokenRecord('tokens.set', record);
    const { accessToken, accessTokenExpiresAt, refreshTokenCiphertext, status } = record;
    this.records.set(userId, { accessToken, accessTokenExpiresAt, refreshTokenCiphertext, status });
  }

  async updateAccessToken(userId: string, update: AccessTokenUpdate): Promise<boolean> {
    assertKeyPart('userId', userId);
    assertAccessTokenUpdate('tokens.updateAccessToken', update);
    const record = this.records.get(userId);
    if (!record) return false;
    record.accessToken = update.accessToken;
    record.accessTokenExpiresAt = update.accessTokenExpiresAt;
    if (update.refreshTokenCiphertext !== undefined)
      record.refreshTokenCiphertext = update.refreshTokenCiphertext;
    record.status = 'ok';
    return true;
  }

  async markReauthRequired(userId: string): Promise<boolean> {
    assertKeyPart('userId', userId);
    const record = this.records.get(userId);
    if (!record) return false;
    record.status = 'reauth_required';
    return true;
  }
}
