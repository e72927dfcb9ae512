import type { Redis } from 'ioredis';
import type { Unsubscribe } from '../nudge-bus';
import type { PubSub } from '../pub-sub';

interface Channel {
  handlers: Set<(message: string) => void>;
  /** Settles when Redis has confirmed the SUBSCRIBE. */
  ready: Promise<unknown>;
}

/**
 * Redis pub/sub. Publishing uses the given connection; subscribing needs a connection of its own (a
 * subscribed connection can run nothing else), duplicated from it on the first subscribe and quit by `close`.
 */
export class RedisPubSub implements PubSub {
  private subscriber: Redis | null = null;
  private readonly channels = new Map<string, Channel>();
  private closing: Promise<void> | null = null;

  constructor(private readonly redis: Redis) {}

  async publish(channel: string, message: string): Promise<void> {
    await this.redis.publish(channel, message);
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe> {
    if (this.closing) throw new Error('RedisPubSub: subscribe after close');
    const subscriber = this.connection();
    const entry = this.channels.get(channel) ?? this.open(subscriber, channel);
    // A wrapper of its own, so subscribing one function twice gives two independent subscriptions.
    const subscription = (message: string) => handler(message);
    entry.handlers.add(subscription);
    try {
      await entry.ready;
    } catch (error) {
      // A failed SUBSCRIBE must not stay cached for the channel's later subscribers.
      entry.handlers.delete(subscription);
      if (this.channels.get(channel) === entry) this.channels.delete(channel);
      throw error;
    }
    return async () => {
      entry.handlers.delete(subscription);
      if (entry.handlers.size > 0 || this.channels.get(channel) !== entry) return;
      this.channels.delete(channel);
      if (!this.closing) await subscriber.unsubscribe(channel);
    };
  }

  close(): Promise<void> {
    this.closing ??= this.quit();
    return this.closing;
  }

  private open(subscriber: Redis, channel: string): Channel {
    const entry: Channel = { handlers: new Set(), ready: subscriber.subscribe(channel) };
    this.channels.set(channel, entry);
    return entry;
  }

  private connection(): Redis {
    if (!this.subscriber) {
      const subscriber = this.redis.duplicate();
      // ioredis reconnects by itself; without a listener each lost connection prints "Unhandled error event".
      subscriber.on('error', () => undefined);
      subscriber.on('message', (channel: string, message: string) => {
        // Off ioredis' reply parsing, as in memory: a throwing handler surfaces as itself, not as a broken connection.
        for (const handler of this.channels.get(channel)?.handlers ?? [])
          queueMicrotask(() => handler(message));
      });
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }

  private async quit(): Promise<void> {
    this.channels.clear();
    if (this.subscriber) await this.subscriber.quit();
  }
}
