import { MusicClient } from '../../../../lib/client';
import type { MusicEvent } from '../../../../lib/contract/events';
import type { SubscribeAck } from '../../../../lib/contract/protocol';
import { wallNow } from '../harness/wall-clock';

export interface Observed {
  at: number;
  event: MusicEvent;
}

/**
 * A MusicClient in this process that keeps every event it delivers with its arrival instant (and every
 * subscribe ack: it subscribes on each connect, as the client's autoSubscribe would), and can wait for the
 * first event (from some instant on) that matches.
 */
export class ObservedClient {
  readonly client: MusicClient;
  readonly events: Observed[] = [];
  readonly acks: Array<{ at: number; ack: SubscribeAck }> = [];
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly userId: string,
    url: string,
    sessionId: string,
  ) {
    this.client = new MusicClient({
      url,
      sessionId,
      autoSubscribe: false,
      socketOptions: {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 250,
        reconnectionDelayMax: 2000,
      },
    });
    this.client.onAny((event) => {
      this.events.push({ at: wallNow(), event });
      for (const wake of this.waiters) wake();
    });
    this.client.socket.on('connect', () => {
      this.client.subscribe().then(
        (ack) => this.acks.push({ at: wallNow(), ack }),
        () => undefined,
      );
    });
  }

  /** Subscribed (acked) at least once. */
  get subscribed(): boolean {
    return this.acks.some((entry) => entry.ack.status === 'subscribed');
  }

  /** The first event at or after `since` matching `match`, waiting up to `timeoutMs`; null when none came. */
  waitFor(match: (event: MusicEvent) => boolean, since: number, timeoutMs: number): Promise<Observed | null> {
    const find = () => this.events.find((observed) => observed.at >= since && match(observed.event)) ?? null;
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const done = (value: Observed | null) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      const wake = () => {
        const hit = find();
        if (hit) done(hit);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      this.waiters.add(wake);
    });
  }

  /** Events of one kind since `since`. */
  since(since: number, match: (event: MusicEvent) => boolean = () => true): Observed[] {
    return this.events.filter((observed) => observed.at >= since && match(observed.event));
  }

  close(): void {
    this.client.close();
  }
}

export function isStatus(status: string): (event: MusicEvent) => boolean {
  return (event) => event.event === 'statusChanged' && event.data.status === status;
}
