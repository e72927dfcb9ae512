import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { createLogger } from '../log/logger';
import { Publisher, RedisEmitterSink } from '../publish';
import { systemRandom } from '../random/random';
import { createRedisStores } from '../store';
import { systemClock } from '../time/system-clock';
import { HintClient } from './hint-client';

export interface ConnectedHintClient {
  hints: HintClient;
  /** Sends what still waits and ends the stores' subscriptions; the Redis connection stays the caller's. */
  close(): Promise<void>;
}

export interface ConnectHintClientOptions {
  /** REDIS_KEY_PREFIX of the daemon. Default `music:`. */
  prefix?: string;
  /** WEBSOCKET_MUSIC_BUFFER_SIZE of the daemon. Default 50. */
  bufferSize?: number;
  /** WEBSOCKET_MUSIC_EVENT_RATE_LIMIT of the daemon. Default 100. */
  eventRateLimit?: number;
}

/**
 * The hint client for a host app that talks to the daemon only through its Redis (an LLM route in another
 * service): hints go to the shared store with a nudge, command reports go out as `commandExecuted` through the
 * user's stream and the Socket.IO Redis emitter, as the worker's events do.
 */
export function connectHintClient(redis: Redis, options: ConnectHintClientOptions = {}): ConnectedHintClient {
  const stores = createRedisStores(redis, {
    prefix: options.prefix ?? 'music:',
    bufferSize: options.bufferSize ?? 50,
  });
  const publisher = new Publisher(
    {
      stores,
      sink: new RedisEmitterSink(redis),
      clock: systemClock,
      registry: new Registry(),
      log: createLogger({ level: 'warn', service: 'hints' }),
    },
    { eventsPerMinute: options.eventRateLimit ?? 100 },
  );
  const hints = new HintClient({ stores, publisher, clock: systemClock, random: systemRandom() });
  let closing: Promise<void> | null = null;
  return {
    hints,
    close() {
      closing ??= (async () => {
        await publisher.close();
        await stores.close();
      })();
      return closing;
    },
  };
}
