import Bottleneck from 'bottleneck';

/**
 * Holds this worker to its share of the budget in-process, so one worker cannot spend what the others were
 * planned to use. The budget ledger in the store stays the cluster-wide guarantee; the share limiter keeps this
 * worker's own requests to its plan before they ever reach it.
 */
export interface ShareLimiter {
  /** The share changed (workers joined or left, the budget was tuned). */
  update(requestsPerWindow: number, windowMs: number): void;
  schedule<T>(request: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Bottleneck in-process (its Redis datastore fails on Redis 7): a reservoir of the share, refilled every window.
 * It runs on real timers, so the virtual-time benchmark runs without one (the ledger alone then enforces it).
 */
export class BottleneckShareLimiter implements ShareLimiter {
  private readonly limiter: Bottleneck;
  private current = { requestsPerWindow: -1, windowMs: -1 };

  constructor(requestsPerWindow: number, windowMs: number) {
    this.limiter = new Bottleneck({ maxConcurrent: null });
    this.update(requestsPerWindow, windowMs);
  }

  update(requestsPerWindow: number, windowMs: number): void {
    const share = Math.max(1, Math.floor(requestsPerWindow));
    if (share === this.current.requestsPerWindow && windowMs === this.current.windowMs) return;
    this.current = { requestsPerWindow: share, windowMs };
    this.limiter.updateSettings({
      reservoir: share,
      reservoirRefreshAmount: share,
      reservoirRefreshInterval: windowMs,
    });
  }

  schedule<T>(request: () => Promise<T>): Promise<T> {
    return this.limiter.schedule(request);
  }

  async stop(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: true });
  }
}
