import { assertInstant, assertNonEmptyString } from '../argument-checks';
import type { Cooldown, CooldownStore } from '../cooldown-store';

export class MemoryCooldownStore implements CooldownStore {
  private cooldown: Cooldown | null = null;

  async enter(until: number, reason: string, now: number): Promise<Cooldown | null> {
    assertInstant('cooldown.enter', 'until', until);
    assertNonEmptyString('cooldown.enter', 'reason', reason);
    assertInstant('cooldown.enter', 'now', now);
    if (this.cooldown === null || this.cooldown.until < until) this.cooldown = { until, reason };
    return this.inForce(now);
  }

  async current(now: number): Promise<Cooldown | null> {
    assertInstant('cooldown.current', 'now', now);
    return this.inForce(now);
  }

  /** The cooldown in force at `now` (a copy), at once: the ledger checks it in the same step as it reserves. */
  inForce(now: number): Cooldown | null {
    return this.cooldown && this.cooldown.until > now ? { ...this.cooldown } : null;
  }
}
