import { assertInstant, assertNonEmptyString, assertPositiveDuration } from '../argument-checks';
import { assertKeyPart } from '../key-part';
import type { RefreshLockStore } from '../refresh-lock-store';
import { ExpiringOwnership } from './expiring-ownership';

export class MemoryRefreshLockStore implements RefreshLockStore {
  private readonly locks = new ExpiringOwnership();

  async tryLock(userId: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    assertKeyPart('userId', userId);
    assertNonEmptyString('refreshLocks.tryLock', 'owner', owner);
    assertPositiveDuration('refreshLocks.tryLock', 'ttlMs', ttlMs);
    assertInstant('refreshLocks.tryLock', 'now', now);
    return this.locks.claim(userId, owner, now, now + ttlMs);
  }

  async unlock(userId: string, owner: string): Promise<boolean> {
    assertKeyPart('userId', userId);
    assertNonEmptyString('refreshLocks.unlock', 'owner', owner);
    return this.locks.release(userId, owner);
  }
}
