import { Redis } from 'ioredis';
import {
  MemoryWorkerStatusStore,
  RedisWorkerStatusStore,
  type WorkerStatus,
  type WorkerStatusStore,
} from '../../lib/ops';
import { storeKeys } from '../../lib/store/keys';
import { testRedisUrl } from '../support/redis-url';

function status(workerId: string, users: string[]): WorkerStatus {
  return {
    workerId,
    at: 1000,
    rateLimited: users.length,
    users: users.map((userId, index) => ({
      userId,
      cadenceMs: 5000 + index,
      nextPollAt: 2000 + index,
      status: 'live',
    })),
  };
}

/** The one contract both backends pass. */
function contract(name: string, open: () => Promise<{ store: WorkerStatusStore; close(): Promise<void> }>) {
  describe(name, () => {
    let store: WorkerStatusStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(() => close());

    it('reads back what each worker wrote, in the order asked, skipping unknown workers', async () => {
      await store.write(status('w1', ['a', 'b']), 1000, 60_000);
      await store.write(status('w2', ['c']), 1000, 60_000);
      const read = await store.read(['w2', 'nobody', 'w1'], 1000);
      expect(read).toEqual([status('w2', ['c']), status('w1', ['a', 'b'])]);
    });

    it('a later write replaces the earlier one', async () => {
      await store.write(status('w1', ['a', 'b']), 1000, 60_000);
      await store.write(status('w1', ['z']), 1000, 60_000);
      expect(await store.read(['w1'], 1000)).toEqual([status('w1', ['z'])]);
    });

    it('forgets a removed worker', async () => {
      await store.write(status('w1', ['a']), 1000, 60_000);
      await store.remove('w1');
      expect(await store.read(['w1'], 1000)).toEqual([]);
    });

    it('refuses a worker id that could name another key', async () => {
      await expect(store.write(status('w1:x', []), 1000, 60_000)).rejects.toThrow(/workerId/);
    });
  });
}

contract('MemoryWorkerStatusStore', async () => ({
  store: new MemoryWorkerStatusStore(),
  close: async () => undefined,
}));

contract('RedisWorkerStatusStore', async () => {
  const redis = new Redis(testRedisUrl());
  const prefix = `test-ops-${Math.floor(performance.now() * 1000)}:`;
  return {
    store: new RedisWorkerStatusStore(redis, storeKeys(prefix)),
    close: async () => {
      await redis.quit();
    },
  };
});

describe('lapsing', () => {
  it('the memory store drops a status once its TTL has passed', async () => {
    const store = new MemoryWorkerStatusStore();
    await store.write(status('w1', ['a']), 1000, 500);
    expect(await store.read(['w1'], 1499)).toHaveLength(1);
    expect(await store.read(['w1'], 1500)).toEqual([]);
  });

  it('the Redis store sets the TTL on the key', async () => {
    const redis = new Redis(testRedisUrl());
    const keys = storeKeys('test-ops-ttl:');
    try {
      await new RedisWorkerStatusStore(redis, keys).write(status('w1', []), 1000, 5000);
      const ttl = await redis.pttl(keys.workerStatus('w1'));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(5000);
    } finally {
      await redis.del(keys.workerStatus('w1'));
      await redis.quit();
    }
  });
});
