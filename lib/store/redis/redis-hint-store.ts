import type { Redis } from 'ioredis';
import { isHintLive, type Hint } from '../../core/hint';
import { assertInstant } from '../argument-checks';
import { compareHintsByAge, hintExpiresAt, type HintStore } from '../hint-store';
import type { StoreKeys } from '../keys';
import { StoreDataError } from '../store-data-error';
import { gcTtlMs } from './gc-ttl';
import { EXTEND_EXPIRY_LUA, luaCommand, type LuaCommand } from './lua-command';
import { pruneAndReadLive } from './expiring-zset';
import { replyStrings } from './redis-replies';

/**
 * KEYS of every hint script: the user's hints (hash id → JSON), their expiries (zset id → expiresAt), the
 * hinted-users index (zset userId → latest expiry). `RESCORE` keeps the index exact after removals.
 */
const RESCORE_LUA = `
local function rescore(userId)
  local latest = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  if latest[1] then redis.call('ZADD', KEYS[3], latest[2], userId) else redis.call('ZREM', KEYS[3], userId) end
end
`;

/** ARGV: id, hint JSON, expiresAt, userId, gcTtlMs. */
const ADD = `${EXTEND_EXPIRY_LUA}
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[3], 'GT', ARGV[3], ARGV[4])
extendExpiry(KEYS[1], ARGV[5])
extendExpiry(KEYS[2], ARGV[5])
`;

/** ARGV: now, userId. Prunes hints expired at `now`; returns the JSON of the others. */
const LIVE = `${RESCORE_LUA}
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
for _, id in ipairs(expired) do redis.call('HDEL', KEYS[1], id) end
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
  rescore(ARGV[2])
end
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf')
if #ids == 0 then return {} end
return redis.call('HMGET', KEYS[1], unpack(ids))
`;

/** ARGV: userId, then the ids. Returns the ids that were present. */
const CONSUME = `${RESCORE_LUA}
local consumed = {}
for i = 2, #ARGV do
  if redis.call('HDEL', KEYS[1], ARGV[i]) == 1 then table.insert(consumed, ARGV[i]) end
  redis.call('ZREM', KEYS[2], ARGV[i])
end
rescore(ARGV[1])
return consumed
`;

export class RedisHintStore implements HintStore {
  private readonly addScript: LuaCommand;
  private readonly liveScript: LuaCommand;
  private readonly consumeScript: LuaCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {
    this.addScript = luaCommand(redis, 'AddHint', 3, ADD);
    this.liveScript = luaCommand(redis, 'LiveHints', 3, LIVE);
    this.consumeScript = luaCommand(redis, 'ConsumeHints', 3, CONSUME);
  }

  async add(userId: string, hint: Hint): Promise<void> {
    const keys = this.userKeys(userId);
    const expiresAt = hintExpiresAt('hints.add', hint);
    await this.addScript(keys, [hint.id, JSON.stringify(hint), expiresAt, userId, gcTtlMs(hint.ttlMs)]);
  }

  async live(userId: string, now: number): Promise<Hint[]> {
    const keys = this.userKeys(userId);
    assertInstant('hints.live', 'now', now);
    const reply = await this.liveScript(keys, [now, userId]);
    if (!Array.isArray(reply)) throw new StoreDataError(keys[0] as string, 'expected a list of hints');
    return reply
      .filter((json): json is string => typeof json === 'string')
      .map((json) => JSON.parse(json) as Hint)
      .filter((hint) => isHintLive(hint, now))
      .sort(compareHintsByAge);
  }

  async consume(userId: string, ids: readonly string[]): Promise<string[]> {
    const keys = this.userKeys(userId);
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    return replyStrings(keys[0] as string, await this.consumeScript(keys, [userId, ...unique]));
  }

  async usersWithLiveHints(now: number): Promise<string[]> {
    const index = this.keys.hintedUsers;
    assertInstant('hints.usersWithLiveHints', 'now', now);
    return (await pruneAndReadLive(this.redis, index, now)).sort();
  }

  private userKeys(userId: string): string[] {
    return [this.keys.hints(userId), this.keys.hintExpiries(userId), this.keys.hintedUsers];
  }
}
