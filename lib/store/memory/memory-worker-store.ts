import { assertInstant, assertPositiveDuration } from '../argument-checks';
import { assertKeyPart } from '../key-part';
import type { WorkerStore } from '../worker-store';
import { ExpiringSet } from './expiring-set';

export class MemoryWorkerStore implements WorkerStore {
  private readonly workers = new ExpiringSet();

  async heartbeat(workerId: string, now: number, ttlMs: number): Promise<void> {
    assertKeyPart('workerId', workerId);
    assertInstant('workers.heartbeat', 'now', now);
    assertPositiveDuration('workers.heartbeat', 'ttlMs', ttlMs);
    this.workers.put(workerId, now + ttlMs, false);
  }

  async removeWorker(workerId: string): Promise<void> {
    assertKeyPart('workerId', workerId);
    this.workers.delete(workerId);
  }

  async liveWorkers(now: number): Promise<string[]> {
    assertInstant('workers.liveWorkers', 'now', now);
    return this.workers.liveAt(now);
  }
}
