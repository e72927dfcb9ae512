/** Collects what a subscription delivers; `until(n)` resolves once n messages have arrived. */
export interface Inbox<T> {
  readonly received: T[];
  handler(message: T): void;
  until(count: number): Promise<void>;
}

export function inbox<T>(): Inbox<T> {
  const received: T[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];
  return {
    received,
    handler(message: T) {
      received.push(message);
      const due = waiters.filter((w) => received.length >= w.count);
      waiters = waiters.filter((w) => received.length < w.count);
      for (const waiter of due) waiter.resolve();
    },
    until(count: number) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}
