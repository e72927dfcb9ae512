/**
 * Time as an input. Everything that needs the time or a delay takes a `Clock`, so the same code runs in real
 * time (`systemClock`) and in virtual time (`VirtualClock`, which the tests and the detection benchmark drive).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Resolves after `ms` (at once for `ms <= 0`); rejects with the signal's reason as soon as `signal` aborts,
   * so `close()` can cut every sleep short.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The reason a sleep rejects with when its signal aborts without a reason of its own. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/** True for the rejection of an aborted sleep. Checks the name: a DOMException may come from another realm. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
