import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { MusicEvent } from '../contract/events';
import type { EventSink } from './event-sink';
import { MUSIC_NAMESPACE, userRoom } from './rooms';

export interface RedisEmitterSinkOptions {
  /** The `key` the gateways' Socket.IO Redis adapter was given: the prefix of its channels. Default `socket.io`. */
  key: string;
}

export const DEFAULT_REDIS_EMITTER_SINK_OPTIONS: Readonly<RedisEmitterSinkOptions> = Object.freeze({
  key: 'socket.io',
});

/**
 * Emits through `@socket.io/redis-emitter`: a PUBLISH on the adapter's channel of the user's room
 * (`<key>#/music#user:<id>#`), which every gateway's adapter writes straight to its sockets in that room. Needs
 * a connection that is not in subscriber mode; the stores' connection does, and keeps appends and emits in order.
 */
export class RedisEmitterSink implements EventSink {
  private readonly music: Emitter;
  private lastPublish: Promise<number> | null = null;

  constructor(redis: Redis, options: Partial<RedisEmitterSinkOptions> = {}) {
    const { key } = { ...DEFAULT_REDIS_EMITTER_SINK_OPTIONS, ...options };
    if (typeof key !== 'string' || key.length === 0) {
      throw new RangeError(
        `RedisEmitterSink option \`key\` must be a non-empty string, got ${JSON.stringify(key)}`,
      );
    }
    // The emitter publishes and forgets; this client keeps the PUBLISH's promise, so `emit` can await it and a
    // failure reaches the publisher instead of becoming an unhandled rejection.
    const client = {
      publish: (channel: string, message: Buffer) => (this.lastPublish = redis.publish(channel, message)),
    };
    this.music = new Emitter(client, { key }).of(MUSIC_NAMESPACE);
  }

  async emit(userId: string, event: MusicEvent): Promise<void> {
    this.music.to(userRoom(userId)).emit(event.event, event.data);
    const published = this.lastPublish;
    this.lastPublish = null;
    await published;
  }
}
