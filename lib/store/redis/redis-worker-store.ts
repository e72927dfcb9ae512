import type { Redis } from 'ioredis';
import { assertInstant, assertPositiveDuration } from '../argument-checks';
import { assertKeyPart } from '../key-part';
import type { StoreKeys } from '../keys';
import type { WorkerStore } from '../worker-store';
import { pruneAndReadLive } from './expiring-zset';

/** One zset scored by the instant each worker's heartbeat lapses. */
export class RedisWorkerStore implements WorkerStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {}

  async heartbeat(workerId: string, now: number, ttlMs: number): Promise<void> {
    assertKeyPart('workerId', workerId);
    assertInstant('workers.heartbeat', 'now', now);
    assertPositiveDuration('workers.heartbeat', 'ttlMs', ttlMs);
    await this.redis.zadd(this.keys.workers, now + ttlMs, workerId);
  }

  async removeWorker(workerId: string): Promise<void> {
    assertKeyPart('workerId', workerId);
    await this.redis.zrem(this.keys.workers, workerId);
  }

  async liveWorkers(now: number): Promise<string[]> {
    assertInstant('workers.liveWorkers', 'now', now);
    return (await pruneAndReadLive(this.redis, this.keys.workers, now)).sort();
  }
}
