import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { DEFAULT_REDIS_EMITTER_SINK_OPTIONS } from '../publish/redis-emitter-sink';

export interface RedisAdapterOptions {
  /** Channel prefix; must be the workers' RedisEmitterSink `key`. Default `socket.io`. */
  key: string;
  /** Told about connection problems of the subscriber connection (ioredis reconnects by itself). */
  onError: (error: Error) => void;
}

export interface RedisAdapterHandle {
  /** For `new Server(httpServer, { adapter })` (set it before `/music` is first used). */
  adapter: ReturnType<typeof createAdapter>;
  /** Quits the subscriber connection this created; the publishing connection stays the caller's. */
  close(): Promise<void>;
}

/**
 * The classic Socket.IO Redis adapter (PUBLISH / PSUBSCRIBE), publishing on `redis` and subscribing on a
 * duplicate of it. Not the sharded adapter: workers publish with `@socket.io/redis-emitter`, which only speaks
 * the classic channels, and a sharded adapter (SSUBSCRIBE) never receives those messages (checked with
 * 8.3.0 / emitter 5.1.0 on Redis 7: the emitter's event reached no socket). ioredis re-subscribes by itself
 * after Redis comes back, so events resume without a restart.
 */
export function createRedisAdapter(
  redis: Redis,
  options: Partial<RedisAdapterOptions> = {},
): RedisAdapterHandle {
  const key = options.key ?? DEFAULT_REDIS_EMITTER_SINK_OPTIONS.key;
  if (typeof key !== 'string' || key.length === 0) {
    throw new RangeError(`createRedisAdapter: key must be a non-empty string, got ${JSON.stringify(key)}`);
  }
  const subscriber = redis.duplicate();
  // Without a listener ioredis writes each connection problem to the console; health reports Redis anyway.
  subscriber.on('error', options.onError ?? (() => undefined));
  let closing: Promise<void> | null = null;
  return {
    adapter: createAdapter(redis, subscriber, { key }),
    close() {
      closing ??= subscriber.quit().then(
        () => undefined,
        () => subscriber.disconnect(),
      );
      return closing;
    },
  };
}
