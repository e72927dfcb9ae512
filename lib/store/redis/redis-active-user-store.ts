import type { Redis } from 'ioredis';
import type { ActiveUserStore } from '../active-user-store';
import { assertInstant } from '../argument-checks';
import { assertKeyPart } from '../key-part';
import type { StoreKeys } from '../keys';
import { pruneAndReadLive } from './expiring-zset';

/** One zset scored by the instant each user's activity lapses. */
export class RedisActiveUserStore implements ActiveUserStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {}

  async touch(userId: string, until: number): Promise<void> {
    assertKeyPart('userId', userId);
    assertInstant('activeUsers.touch', 'until', until);
    await this.redis.zadd(this.keys.activeUsers, 'GT', until, userId);
  }

  async remove(userId: string): Promise<void> {
    assertKeyPart('userId', userId);
    await this.redis.zrem(this.keys.activeUsers, userId);
  }

  async active(now: number): Promise<string[]> {
    assertInstant('activeUsers.active', 'now', now);
    return (await pruneAndReadLive(this.redis, this.keys.activeUsers, now)).sort();
  }
}
