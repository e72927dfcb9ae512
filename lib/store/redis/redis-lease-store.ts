import type { Redis } from 'ioredis';
import { assertInstant, assertPositiveDuration } from '../argument-checks';
import type { StoreKeys } from '../keys';
import type { LeaseStore } from '../lease-store';
import { gcTtlMs } from './gc-ttl';
import { EXTEND_EXPIRY_LUA, luaCommand, type LuaCommand } from './lua-command';
import { CLAIM_OR_RETURN_LUA, RELEASE_LUA } from './ownership-lua';
import { pruneAndReadLive } from './expiring-zset';
import { execResults } from './redis-replies';

/**
 * KEYS: lease, the worker's lease index. ARGV: workerId, now, expiresAt, gcTtlMs, userId.
 * The index lets `leasesOf` avoid scanning every lease; an entry left behind by a takeover is filtered out
 * against the lease itself and lapses with its score.
 */
const ACQUIRE = `${EXTEND_EXPIRY_LUA}${CLAIM_OR_RETURN_LUA}
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[5])
extendExpiry(KEYS[2], ARGV[4])
return 1
`;

/** KEYS: lease, the worker's lease index. ARGV: workerId, userId. */
const RELEASE = `
redis.call('ZREM', KEYS[2], ARGV[2])
${RELEASE_LUA}`;

export class RedisLeaseStore implements LeaseStore {
  private readonly acquire: LuaCommand;
  private readonly release: LuaCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {
    this.acquire = luaCommand(redis, 'AcquireLease', 2, ACQUIRE);
    this.release = luaCommand(redis, 'ReleaseLease', 2, RELEASE);
  }

  async acquireLease(userId: string, workerId: string, now: number, ttlMs: number): Promise<boolean> {
    const keys = [this.keys.lease(userId), this.keys.workerLeases(workerId)];
    assertInstant('leases.acquireLease', 'now', now);
    assertPositiveDuration('leases.acquireLease', 'ttlMs', ttlMs);
    return (await this.acquire(keys, [workerId, now, now + ttlMs, gcTtlMs(ttlMs), userId])) === 1;
  }

  async releaseLease(userId: string, workerId: string): Promise<boolean> {
    const keys = [this.keys.lease(userId), this.keys.workerLeases(workerId)];
    return (await this.release(keys, [workerId, userId])) === 1;
  }

  async leaseOwner(userId: string, now: number): Promise<string | null> {
    const key = this.keys.lease(userId);
    assertInstant('leases.leaseOwner', 'now', now);
    const [owner, expiresAt] = await this.redis.hmget(key, 'owner', 'expiresAt');
    return owner && Number(expiresAt) > now ? owner : null;
  }

  async leasesOf(workerId: string, now: number): Promise<string[]> {
    const index = this.keys.workerLeases(workerId);
    assertInstant('leases.leasesOf', 'now', now);
    const userIds = await pruneAndReadLive(this.redis, index, now);
    if (userIds.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) pipeline.hmget(this.keys.lease(userId), 'owner', 'expiresAt');
    const leases = execResults(index, await pipeline.exec());
    return userIds
      .filter((_userId, i) => {
        const lease = leases[i];
        return Array.isArray(lease) && lease[0] === workerId && Number(lease[1]) > now;
      })
      .sort();
  }
}
