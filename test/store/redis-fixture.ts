import { Redis } from 'ioredis';
import { systemRandom } from '../../lib/random/random';
import { createRedisStores } from '../../lib/store/redis/redis-stores';
import type { RedisStoreOptions } from '../../lib/store/store-options';
import type { Stores } from '../../lib/store/stores';
import { testRedisUrl } from '../support/redis-url';
import type { MakeStores, StoreFixture } from './contract/store-fixture';

const random = systemRandom();

/** A key prefix no other test (or concurrent test run on the same Redis) uses. */
export function uniquePrefix(base = 'test'): string {
  return `${base}-${random.int(2 ** 31).toString(36)}${random.int(2 ** 31).toString(36)}:`;
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/**
 * Registers hooks that open one connection for the enclosing describe, and returns a `MakeStores` whose every
 * fixture has a prefix of its own (its keys deleted on dispose) and whose peers use connections of their own.
 */
export function redisStoreFixtures(extra: Partial<RedisStoreOptions> = {}): {
  makeStores: MakeStores;
  redis(): Redis;
} {
  let connection: Redis | null = null;
  beforeAll(() => {
    connection = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await connection?.quit();
  });
  const redis = () => {
    if (!connection) throw new Error('no Redis connection: use it inside a test');
    return connection;
  };
  const makeStores: MakeStores = async (options = {}) => {
    const prefix = extra.prefix ?? uniquePrefix();
    const storeOptions = { ...extra, ...options, prefix };
    const stores = createRedisStores(redis(), storeOptions);
    const peers: { connection: Redis; stores: Stores }[] = [];
    const fixture: StoreFixture = {
      stores,
      peer: async () => {
        const peerConnection = new Redis(testRedisUrl());
        const peerStores = createRedisStores(peerConnection, storeOptions);
        peers.push({ connection: peerConnection, stores: peerStores });
        return peerStores;
      },
      dispose: async () => {
        await stores.close();
        for (const peer of peers) {
          await peer.stores.close();
          await peer.connection.quit();
        }
        await deleteKeys(redis(), prefix);
      },
    };
    return fixture;
  };
  return { makeStores, redis };
}
