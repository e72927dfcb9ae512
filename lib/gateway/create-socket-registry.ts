import type { Redis } from 'ioredis';
import { DEFAULT_KEY_PREFIX, storeKeys } from '../store/keys';
import { MemorySocketRegistry } from './memory-socket-registry';
import { RedisSocketRegistry } from './redis-socket-registry';
import type { SocketRegistry } from './socket-registry';

/** The socket registry in Redis (shared by every gateway) under `prefix`, or in memory without Redis. */
export function createSocketRegistry(
  redis: Redis | null,
  prefix: string = DEFAULT_KEY_PREFIX,
): SocketRegistry {
  return redis === null ? new MemorySocketRegistry() : new RedisSocketRegistry(redis, storeKeys(prefix));
}
