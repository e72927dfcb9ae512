import type { Redis } from 'ioredis';
import { serializeState, type LatestStateStore } from '../latest-state-store';

/**
 * One JSON string per user under `keyOf(userId)`; no TTL: a takeover must find it however long the user was
 * away. `name` is the store's name in `Stores`, for error messages.
 */
export class RedisLatestStateStore implements LatestStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly keyOf: (userId: string) => string,
  ) {}

  async get(userId: string): Promise<unknown> {
    const json = await this.redis.get(this.keyOf(userId));
    return json === null ? null : (JSON.parse(json) as unknown);
  }

  async set(userId: string, state: unknown): Promise<void> {
    const key = this.keyOf(userId);
    await this.redis.set(key, serializeState(`${this.name}.set`, state));
  }

  async delete(userId: string): Promise<void> {
    await this.redis.del(this.keyOf(userId));
  }
}
