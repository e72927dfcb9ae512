import type { SocketEntry } from './socket-registry';

/** The sockets this gateway holds and which of them are subscribed, per user: what its heartbeat keeps alive. */
export class LocalSockets {
  private readonly entries = new Map<string, SocketEntry>();
  private readonly subscribers = new Map<string, Set<string>>();
  private subscribedCount = 0;

  add(entry: SocketEntry): void {
    this.entries.set(entry.socketId, entry);
  }

  /** Forgets the socket (and its subscription); returns its entry, or undefined when it was not held. */
  remove(socketId: string): SocketEntry | undefined {
    const entry = this.entries.get(socketId);
    if (!entry) return undefined;
    this.unsubscribe(entry);
    this.entries.delete(socketId);
    return entry;
  }

  subscribe(entry: SocketEntry): void {
    const sockets = this.subscribers.get(entry.userId) ?? new Set<string>();
    if (sockets.has(entry.socketId)) return;
    sockets.add(entry.socketId);
    this.subscribers.set(entry.userId, sockets);
    this.subscribedCount++;
  }

  unsubscribe(entry: SocketEntry): void {
    const sockets = this.subscribers.get(entry.userId);
    if (!sockets?.delete(entry.socketId)) return;
    if (sockets.size === 0) this.subscribers.delete(entry.userId);
    this.subscribedCount--;
  }

  get connections(): number {
    return this.entries.size;
  }

  get subscriptions(): number {
    return this.subscribedCount;
  }

  /** Users with at least one subscribed socket here. */
  subscribedUsers(): string[] {
    return [...this.subscribers.keys()];
  }

  all(): SocketEntry[] {
    return [...this.entries.values()];
  }
}
