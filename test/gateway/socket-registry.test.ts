import { Redis } from 'ioredis';
import { MemorySocketRegistry, RedisSocketRegistry } from '../../lib/gateway';
import { storeKeys } from '../../lib/store';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';
import { socketRegistryContract } from './registry-contract';

describe('socket registry: memory', () => {
  socketRegistryContract(async () => {
    const registry = new MemorySocketRegistry();
    return { registry, peer: async () => registry, dispose: async () => undefined };
  });
});

describe('socket registry: Redis', () => {
  socketRegistryContract(async () => {
    const prefix = uniquePrefix('test-gw-registry');
    const connections = [new Redis(testRedisUrl())];
    return {
      registry: new RedisSocketRegistry(connections[0]!, storeKeys(prefix)),
      peer: async () => {
        const connection = new Redis(testRedisUrl());
        connections.push(connection);
        return new RedisSocketRegistry(connection, storeKeys(prefix));
      },
      dispose: async () => {
        await deleteKeys(connections[0]!, prefix);
        for (const connection of connections) await connection.quit();
      },
    };
  });

  it("keeps the seed's keys true: the user's socket set, each socket's user, the connection count", async () => {
    const prefix = uniquePrefix('test-gw-registry');
    const redis = new Redis(testRedisUrl());
    try {
      const registry = new RedisSocketRegistry(redis, storeKeys(prefix));
      await registry.add({ userId: 'u1', socketId: 's1', gatewayId: 'gw-a' }, 5, 1000);
      await registry.add({ userId: 'u1', socketId: 's2', gatewayId: 'gw-a' }, 5, 1000);
      await registry.remove({ userId: 'u1', socketId: 's1', gatewayId: 'gw-a' });
      await registry.countEvents({ replayed: 4 });
      await expect(redis.smembers(`${prefix}ws:user:u1:sockets`)).resolves.toEqual(['s2']);
      await expect(redis.get(`${prefix}ws:socket:s2:user`)).resolves.toBe('u1');
      await expect(redis.exists(`${prefix}ws:socket:s1:user`)).resolves.toBe(0);
      await expect(redis.get(`${prefix}ws:stats:connections`)).resolves.toBe('1');
      await expect(redis.hgetall(`${prefix}ws:stats:events`)).resolves.toEqual({ replayed: '4' });
    } finally {
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });
});
