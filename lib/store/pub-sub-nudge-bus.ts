import { assertKeyPart, isValidKeyPart } from './key-part';
import type { NudgeBus, Unsubscribe } from './nudge-bus';
import type { PubSub } from './pub-sub';

export interface NudgeChannels {
  nudge: string;
  tuningChanged: string;
}

const VERSION = /^\d{1,15}$/;

/**
 * The nudge bus over any pub/sub backend. Messages are a bare user id or version; one that does not parse
 * (another program publishing on the channel) is dropped rather than handed on.
 */
export class PubSubNudgeBus implements NudgeBus {
  constructor(
    private readonly pubSub: PubSub,
    private readonly channels: NudgeChannels,
  ) {}

  async publish(userId: string): Promise<void> {
    assertKeyPart('userId', userId);
    await this.pubSub.publish(this.channels.nudge, userId);
  }

  subscribe(handler: (userId: string) => void): Promise<Unsubscribe> {
    return this.pubSub.subscribe(this.channels.nudge, (message) => {
      if (isValidKeyPart(message)) handler(message);
    });
  }

  async publishTuningChanged(version: number): Promise<void> {
    if (!Number.isSafeInteger(version) || version < 0) {
      throw new RangeError(`publishTuningChanged: version must be an integer >= 0, got ${String(version)}`);
    }
    await this.pubSub.publish(this.channels.tuningChanged, String(version));
  }

  subscribeTuningChanged(handler: (version: number) => void): Promise<Unsubscribe> {
    return this.pubSub.subscribe(this.channels.tuningChanged, (message) => {
      if (VERSION.test(message)) handler(Number(message));
    });
  }
}
