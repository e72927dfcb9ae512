export type Unsubscribe = () => Promise<void>;

/**
 * Cross-process signals: a nudge asks whichever worker polls a user to poll now (a hint was recorded, a client
 * asked for a sync); tuning-changed tells every process to reload the tuning. Delivery is best effort and
 * asynchronous: handlers never run inside `publish`.
 */
export interface NudgeBus {
  publish(userId: string): Promise<void>;
  /** Resolves once the subscription is in place, so a later `publish` reaches the handler. */
  subscribe(handler: (userId: string) => void): Promise<Unsubscribe>;
  publishTuningChanged(version: number): Promise<void>;
  subscribeTuningChanged(handler: (version: number) => void): Promise<Unsubscribe>;
}
