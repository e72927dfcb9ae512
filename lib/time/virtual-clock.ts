import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { abortReason, type Clock } from './clock';

interface PendingSleep {
  at: number;
  order: number;
  resolve: () => void;
}

/**
 * Virtual time: `now()` moves only when the test or benchmark advances it, and sleeps wake in time order as it
 * does. Between wake-ups the event loop is allowed to run, so async code that reacts to a wake-up (and sleeps
 * again) is caught up before time moves on. An hour of polling runs in as long as its computation takes.
 */
export class VirtualClock implements Clock {
  private current: number;
  private order = 0;
  private pending: PendingSleep[] = [];

  constructor(startMs = 1_764_000_000_000) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const entry: PendingSleep = { at: this.current + Math.max(0, ms), order: this.order++, resolve };
      const onAbort = () => {
        this.pending = this.pending.filter((p) => p !== entry);
        reject(abortReason(signal as AbortSignal));
      };
      entry.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.pending.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Number of sleeps waiting. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** When the earliest sleep wakes, or null when none is waiting. */
  nextWakeAt(): number | null {
    return this.earliest()?.at ?? null;
  }

  /** Moves time forward by `ms`, waking every sleep due on the way, in order. */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`advance: ms must be >= 0, got ${ms}`);
    await this.advanceTo(this.current + ms);
  }

  /** Moves time forward to `targetMs` (never backwards), waking every sleep due on the way, in order. */
  async advanceTo(targetMs: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > targetMs) break;
      this.pending = this.pending.filter((p) => p !== next);
      this.current = Math.max(this.current, next.at);
      next.resolve();
      await settle();
    }
    this.current = Math.max(this.current, targetMs);
  }

  private earliest(): PendingSleep | undefined {
    let best: PendingSleep | undefined;
    for (const p of this.pending) {
      if (!best || p.at < best.at || (p.at === best.at && p.order < best.order)) best = p;
    }
    return best;
  }
}

/** Lets pending promise chains run: a macrotask turn drains every microtask queued before it. */
async function settle(): Promise<void> {
  await nextMacrotask();
}
