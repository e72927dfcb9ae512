import type { Redis } from 'ioredis';
import { createMemoryStores } from '../../lib/store/memory/memory-stores';
import type { Stores } from '../../lib/store/stores';
import { useFixture, type MakeStores } from '../store/contract/store-fixture';
import { redisStoreFixtures } from '../store/redis-fixture';

export type Backend = 'memory' | 'Redis';

export const BACKENDS: Backend[] = ['memory', 'Redis'];

const memoryStores: MakeStores = async (options) => {
  const stores = createMemoryStores(options);
  return { stores, peer: async () => stores, dispose: () => stores.close() };
};

/**
 * Call inside a describe: each test gets fresh stores of `backend` with a 500-event buffer (Redis: a key
 * prefix of its own, deleted after the test), and the Redis connection they use.
 */
export function storesOn(backend: Backend): { stores(): Stores; redis(): Redis } {
  const bufferSize = 500;
  if (backend === 'memory') {
    const { stores } = useFixture((options) => memoryStores({ bufferSize, ...options }));
    return {
      stores,
      redis: () => {
        throw new Error('the memory backend has no Redis connection');
      },
    };
  }
  const fixtures = redisStoreFixtures({ bufferSize });
  const { stores } = useFixture(fixtures.makeStores);
  return { stores, redis: fixtures.redis };
}
