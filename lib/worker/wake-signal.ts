import { isAbortError, type Clock } from '../time/clock';

/**
 * The reason a wake-up cuts the sleep short with: an abort without a reason would build a DOMException (and
 * its stack) at every wake-up, about one per request.
 */
const WOKEN = Object.freeze({ name: 'AbortError', message: 'woken' });

/**
 * A sleep that ends early when `wake()` is called (a nudge, a new user) and for good when `signal` aborts
 * (`close()`). Resolves true when woken or when the time came, false when closed.
 */
export class WakeSignal {
  private current: AbortController | null = null;
  private pending = false;

  constructor(
    private readonly clock: Clock,
    private readonly signal: AbortSignal,
  ) {}

  wake(): void {
    this.pending = true;
    this.current?.abort(WOKEN);
  }

  async sleep(ms: number): Promise<boolean> {
    if (this.signal.aborted) return false;
    if (this.pending) {
      this.pending = false;
      return true;
    }
    const controller = new AbortController();
    this.current = controller;
    const onClose = () => controller.abort();
    this.signal.addEventListener('abort', onClose, { once: true });
    try {
      await this.clock.sleep(ms, controller.signal);
    } catch (error) {
      if (!isAbortError(error)) throw error;
    } finally {
      this.signal.removeEventListener('abort', onClose);
      this.current = null;
    }
    this.pending = false;
    return !this.signal.aborted;
  }
}
