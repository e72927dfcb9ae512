import type { Clock } from '../time/clock';
import { StoreTimeoutError } from './store-timeout-error';

/**
 * `work`, or a StoreTimeoutError after `timeoutMs` on `clock`. While Redis is away ioredis queues commands and
 * retries them for a long time; a handshake or a call must answer before that.
 */
export async function withDeadline<T>(
  clock: Clock,
  timeoutMs: number,
  what: string,
  work: Promise<T>,
): Promise<T> {
  const timer = new AbortController();
  // A late rejection of `work` after the deadline must not surface as unhandled.
  work.catch(() => undefined);
  const expired = clock.sleep(timeoutMs, timer.signal).then(
    () => Promise.reject(new StoreTimeoutError(what, timeoutMs)),
    () => new Promise<never>(() => undefined),
  );
  try {
    return await Promise.race([work, expired]);
  } finally {
    timer.abort();
  }
}
