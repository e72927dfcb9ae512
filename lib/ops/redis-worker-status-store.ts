import type { Redis } from 'ioredis';
import type { StoreKeys } from '../store/keys';
import type { WorkerStatus } from './worker-status';
import type { WorkerStatusStore } from './worker-status-store';

/**
 * Each worker's status as a JSON string under `worker:{id}:status` with a TTL: Redis forgets a dead worker's
 * status by itself. Instants come from the callers' clocks; the TTL is relative, so clock skew does not matter.
 */
export class RedisWorkerStatusStore implements WorkerStatusStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {}

  async write(status: WorkerStatus, _now: number, ttlMs: number): Promise<void> {
    await this.redis.set(
      this.keys.workerStatus(status.workerId),
      JSON.stringify(status),
      'PX',
      Math.max(1, ttlMs),
    );
  }

  async read(workerIds: readonly string[], _now: number): Promise<WorkerStatus[]> {
    if (workerIds.length === 0) return [];
    const replies = await this.redis.mget(...workerIds.map((id) => this.keys.workerStatus(id)));
    return replies.flatMap((reply) => (reply === null ? [] : [JSON.parse(reply) as WorkerStatus]));
  }

  async remove(workerId: string): Promise<void> {
    await this.redis.del(this.keys.workerStatus(workerId));
  }
}
