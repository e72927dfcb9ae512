import type { ActiveUserStore } from '../active-user-store';
import { assertInstant } from '../argument-checks';
import { assertKeyPart } from '../key-part';
import { ExpiringSet } from './expiring-set';

export class MemoryActiveUserStore implements ActiveUserStore {
  private readonly users = new ExpiringSet();

  async touch(userId: string, until: number): Promise<void> {
    assertKeyPart('userId', userId);
    assertInstant('activeUsers.touch', 'until', until);
    this.users.put(userId, until, true);
  }

  async remove(userId: string): Promise<void> {
    assertKeyPart('userId', userId);
    this.users.delete(userId);
  }

  async active(now: number): Promise<string[]> {
    assertInstant('activeUsers.active', 'now', now);
    return this.users.liveAt(now);
  }
}
