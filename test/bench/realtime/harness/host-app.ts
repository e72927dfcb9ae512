import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { HintClient } from '../../../../lib/hints';
import { createLogger } from '../../../../lib/log/logger';
import { Publisher, RedisEmitterSink } from '../../../../lib/publish';
import { SeededRandom } from '../../../../lib/random/random';
import { createRedisStores, type Stores } from '../../../../lib/store';
import { systemClock } from '../../../../lib/time/system-clock';

export interface HostAppOptions {
  redisUrl: string;
  /** REDIS_KEY_PREFIX of the daemon. Default `music:`. */
  keyPrefix?: string;
  /**
   * The publisher's per-user outbound limit (WEBSOCKET_MUSIC_EVENT_RATE_LIMIT). Default 100, the daemon's;
   * the throughput and fan-out measurements raise it, so the limit is not what they measure.
   */
  eventsPerMinute?: number;
  /** Events each user's stream keeps. Default 50 (WEBSOCKET_MUSIC_BUFFER_SIZE). */
  bufferSize?: number;
}

/**
 * The daemon's library as a host app (its LLM route) uses it, over the same Redis: a HintClient to record hints
 * (and nudge the worker), and a Publisher with the Redis emitter, the worker's own outbound path, for the
 * benchmarks that publish events themselves. Close it.
 */
export class HostApp {
  readonly redis: Redis;
  readonly stores: Stores;
  readonly publisher: Publisher;
  readonly hints: HintClient;

  constructor(options: HostAppOptions) {
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    // The drills take Redis away on purpose; ioredis reconnects by itself.
    this.redis.on('error', () => undefined);
    this.stores = createRedisStores(this.redis, {
      prefix: options.keyPrefix ?? 'music:',
      bufferSize: options.bufferSize ?? 50,
    });
    this.publisher = new Publisher(
      {
        stores: this.stores,
        sink: new RedisEmitterSink(this.redis),
        clock: systemClock,
        registry: new Registry(),
        log: createLogger({ level: 'warn', service: 'bench-host' }),
      },
      { eventsPerMinute: options.eventsPerMinute ?? 100 },
    );
    this.hints = new HintClient({
      stores: this.stores,
      publisher: this.publisher,
      clock: systemClock,
      random: new SeededRandom('bench-host'),
    });
  }

  /** Asks the worker polling `userId` to poll now (what the control routes do once Spotify has a command). */
  nudge(userId: string): Promise<void> {
    return this.stores.bus.publish(userId);
  }

  async close(): Promise<void> {
    await this.publisher.close().catch(() => undefined);
    await this.stores.close().catch(() => undefined);
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
