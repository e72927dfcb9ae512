import type { Redis } from 'ioredis';
import { DEFAULT_KEY_PREFIX, storeKeys } from '../store/keys';
import { MemoryWorkerStatusStore } from './memory-worker-status-store';
import { RedisWorkerStatusStore } from './redis-worker-status-store';
import type { WorkerStatusStore } from './worker-status-store';

/** The workers' statuses in Redis under `prefix`, or in memory without Redis. */
export function createWorkerStatusStore(
  redis: Redis | null,
  prefix: string = DEFAULT_KEY_PREFIX,
): WorkerStatusStore {
  return redis === null
    ? new MemoryWorkerStatusStore()
    : new RedisWorkerStatusStore(redis, storeKeys(prefix));
}
