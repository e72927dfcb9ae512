import { assertKeyPart } from '../store/key-part';
import type { WorkerStatus } from './worker-status';
import type { WorkerStatusStore } from './worker-status-store';

/** The workers' statuses in this process's memory (one process: `npm start`). */
export class MemoryWorkerStatusStore implements WorkerStatusStore {
  private readonly statuses = new Map<string, { status: string; until: number }>();

  async write(status: WorkerStatus, now: number, ttlMs: number): Promise<void> {
    assertKeyPart('workerId', status.workerId);
    // Stored as JSON, as in Redis: a reader never shares (or mutates) the writer's objects.
    this.statuses.set(status.workerId, { status: JSON.stringify(status), until: now + ttlMs });
  }

  async read(workerIds: readonly string[], now: number): Promise<WorkerStatus[]> {
    return workerIds.flatMap((id) => {
      const entry = this.statuses.get(id);
      return entry && entry.until > now ? [JSON.parse(entry.status) as WorkerStatus] : [];
    });
  }

  async remove(workerId: string): Promise<void> {
    this.statuses.delete(workerId);
  }
}
