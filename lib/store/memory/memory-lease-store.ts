import { assertInstant, assertPositiveDuration } from '../argument-checks';
import { assertKeyPart } from '../key-part';
import type { LeaseStore } from '../lease-store';
import { ExpiringOwnership } from './expiring-ownership';

export class MemoryLeaseStore implements LeaseStore {
  private readonly leases = new ExpiringOwnership();

  async acquireLease(userId: string, workerId: string, now: number, ttlMs: number): Promise<boolean> {
    assertKeyPart('userId', userId);
    assertKeyPart('workerId', workerId);
    assertInstant('leases.acquireLease', 'now', now);
    assertPositiveDuration('leases.acquireLease', 'ttlMs', ttlMs);
    return this.leases.claim(userId, workerId, now, now + ttlMs);
  }

  async releaseLease(userId: string, workerId: string): Promise<boolean> {
    assertKeyPart('userId', userId);
    assertKeyPart('workerId', workerId);
    return this.leases.release(userId, workerId);
  }

  async leaseOwner(userId: string, now: number): Promise<string | null> {
    assertKeyPart('userId', userId);
    assertInstant('leases.leaseOwner', 'now', now);
    return this.leases.ownerAt(userId, now);
  }

  async leasesOf(workerId: string, now: number): Promise<string[]> {
    assertKeyPart('workerId', workerId);
    assertInstant('leases.leasesOf', 'now', now);
    return this.leases.heldBy(workerId, now);
  }
}
