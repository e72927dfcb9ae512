import type { UnpublishedEvent } from '../contract/events';

/** What sends events to a user's clients: the `Publisher`, seen by those that only hand it events. */
export interface EventPublisher {
  /**
   * Publishes a user's events, in order. Resolves once those the outbound limit lets through are in the
   * user's stream and emitted, and the rest are queued; rejects when sending the ones let through failed.
   */
  publish(userId: string, events: readonly UnpublishedEvent[]): Promise<void>;
}
