import type { Unsubscribe } from './nudge-bus';

/** String messages on named channels: what the nudge bus needs from a backend. */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once messages published afterwards reach `handler`. */
  subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe>;
  /** Drops every subscription (and the connection it opened); idempotent. */
  close(): Promise<void>;
}
