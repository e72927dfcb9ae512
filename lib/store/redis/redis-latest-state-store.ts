import type { Redis } from 'ioredis';
import type { StoreKeys } from '../keys';
import { serializeState, type LatestStateStore } from '../latest-state-store';

/** One JSON string per user; no TTL: a takeover must find it however long the user was away. */
export class RedisLatestStateStore implements LatestStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {}

  async get(userId: string): Promise<unknown> {
    const json = await this.redis.get(this.keys.latestState(userId));
    return json === null ? null : (JSON.parse(json) as unknown);
  }

  async set(userId: string, state: unknown): Promise<void> {
    const key = this.keys.latestState(userId);
    await this.redis.set(key, serializeState('latestState.set', state));
  }

  async delete(userId: string): Promise<void> {
    await this.redis.del(this.keys.latestState(userId));
  }
}
