import type { Unsubscribe } from '../nudge-bus';
import type { PubSub } from '../pub-sub';

/** In-process channels. Handlers run in a later microtask, as they would with Redis, never inside `publish`. */
export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<(message: string) => void>>();

  async publish(channel: string, message: string): Promise<void> {
    for (const handler of this.channels.get(channel) ?? []) queueMicrotask(() => handler(message));
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe> {
    let handlers = this.channels.get(channel);
    if (!handlers) this.channels.set(channel, (handlers = new Set()));
    // A wrapper of its own, so subscribing one function twice gives two independent subscriptions.
    const subscription = (message: string) => handler(message);
    handlers.add(subscription);
    return async () => {
      handlers.delete(subscription);
    };
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
