import type { Redis } from 'ioredis';
import { storeKeys } from '../keys';
import { PubSubNudgeBus } from '../pub-sub-nudge-bus';
import { resolveRedisStoreOptions, type RedisStoreOptions } from '../store-options';
import type { Stores } from '../stores';
import { RedisActiveUserStore } from './redis-active-user-store';
import { RedisBudgetLedger } from './redis-budget-ledger';
import { RedisCooldownStore } from './redis-cooldown-store';
import { RedisEventStreamStore } from './redis-event-stream-store';
import { RedisHintStore } from './redis-hint-store';
import { RedisLatestStateStore } from './redis-latest-state-store';
import { RedisLeaseStore } from './redis-lease-store';
import { RedisPubSub } from './redis-pub-sub';
import { RedisRefreshLockStore } from './redis-refresh-lock-store';
import { RedisTokenStore } from './redis-token-store';
import { RedisTuningStore } from './redis-tuning-store';
import { RedisWorkerStore } from './redis-worker-store';

/**
 * All stores in Redis (7 or later), shared by any number of processes. `redis` stays the caller's: `close`
 * quits only the subscriber connection the stores duplicate from it. Keys come from `keys.ts` under
 * `options.prefix`, so the connection must not add an ioredis `keyPrefix` of its own.
 */
export function createRedisStores(redis: Redis, options: Partial<RedisStoreOptions> = {}): Stores {
  const { prefix, bufferSize, bufferTtlMs } = resolveRedisStoreOptions(options);
  if (redis.options.keyPrefix) {
    throw new RangeError(
      `createRedisStores: the connection has keyPrefix ${JSON.stringify(redis.options.keyPrefix)}; use the \`prefix\` option instead`,
    );
  }
  const keys = storeKeys(prefix);
  const pubSub = new RedisPubSub(redis);
  return {
    tokens: new RedisTokenStore(redis, keys),
    refreshLocks: new RedisRefreshLockStore(redis, keys),
    hints: new RedisHintStore(redis, keys),
    activeUsers: new RedisActiveUserStore(redis, keys),
    latestState: new RedisLatestStateStore(redis, 'latestState', keys.latestState),
    playbackStates: new RedisLatestStateStore(redis, 'playbackStates', keys.playbackState),
    eventStreams: new RedisEventStreamStore(redis, keys, bufferSize, bufferTtlMs),
    budget: new RedisBudgetLedger(redis, keys),
    cooldown: new RedisCooldownStore(redis, keys),
    workers: new RedisWorkerStore(redis, keys),
    leases: new RedisLeaseStore(redis, keys),
    tuning: new RedisTuningStore(redis, keys),
    bus: new PubSubNudgeBus(pubSub, { nudge: keys.nudgeChannel, tuningChanged: keys.tuningChangedChannel }),
    close: () => pubSub.close(),
  };
}
