import type { Redis } from 'ioredis';
import { assertKeyPart } from '../key-part';
import type { StoreKeys } from '../keys';
import { StoreDataError } from '../store-data-error';
import {
  assertAccessTokenUpdate,
  assertTokenRecord,
  TOKEN_STATUSES,
  type AccessTokenUpdate,
  type TokenRecord,
  type TokenStatus,
  type TokenStore,
} from '../token-store';
import { luaCommand, type LuaCommand } from './lua-command';
import { execResults, replyNumber } from './redis-replies';

/** KEYS: tokens. ARGV: accessToken, accessTokenExpiresAt, refreshTokenCiphertext ('' keeps the stored one). */
const UPDATE_ACCESS_TOKEN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'accessToken', ARGV[1], 'accessTokenExpiresAt', ARGV[2], 'status', 'ok')
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'refreshTokenCiphertext', ARGV[3]) end
return 1
`;

/** KEYS: tokens. */
const MARK_REAUTH_REQUIRED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'reauth_required')
return 1
`;

/** One hash per user; no TTL: tokens live until replaced. */
export class RedisTokenStore implements TokenStore {
  private readonly updateAccessTokenScript: LuaCommand;
  private readonly markReauthRequiredScript: LuaCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {
    this.updateAccessTokenScript = luaCommand(redis, 'UpdateAccessToken', 1, UPDATE_ACCESS_TOKEN);
    this.markReauthRequiredScript = luaCommand(redis, 'MarkReauthRequired', 1, MARK_REAUTH_REQUIRED);
  }

  async get(userId: string): Promise<TokenRecord | null> {
    const key = this.keys.tokens(userId);
    const hash = await this.redis.hgetall(key);
    if (Object.keys(hash).length === 0) return null;
    const { accessToken, accessTokenExpiresAt, refreshTokenCiphertext, status } = hash;
    if (accessToken === undefined || refreshTokenCiphertext === undefined) {
      throw new StoreDataError(key, 'a token field is missing');
    }
    if (!TOKEN_STATUSES.includes(status as TokenStatus)) {
      throw new StoreDataError(key, `unknown status ${JSON.stringify(status)}`);
    }
    return {
      accessToken,
      accessTokenExpiresAt: replyNumber(key, accessTokenExpiresAt),
      refreshTokenCiphertext,
      status: status as TokenStatus,
    };
  }

  async set(userId: string, record: TokenRecord): Promise<void> {
    const key = this.keys.tokens(userId);
    assertTokenRecord('tokens.set', record);
    const written = await this.redis
      .multi()
      .del(key)
      .hset(key, {
        accessToken: record.accessToken,
        accessTokenExpiresAt: String(record.accessTokenExpiresAt),
        refreshTokenCiphertext: record.refreshTokenCiphertext,
        status: record.status,
      })
      .exec();
    execResults(key, written);
  }

  async updateAccessToken(userId: string, update: AccessTokenUpdate): Promise<boolean> {
    assertKeyPart('userId', userId);
    assertAccessTokenUpdate('tokens.updateAccessToken', update);
    const updated = await this.updateAccessTokenScript(
      [this.keys.tokens(userId)],
      [update.accessToken, update.accessTokenExpiresAt, update.refreshTokenCiphertext ?? ''],
    );
    return updated === 1;
  }

  async markReauthRequired(userId: string): Promise<boolean> {
    return (await this.markReauthRequiredScript([this.keys.tokens(userId)], [])) === 1;
  }
}
