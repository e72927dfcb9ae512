/** A store (Redis) call that did not answer in time: the gateway answers `unavailable` instead of hanging. */
export class StoreTimeoutError extends Error {
  readonly code = 'STORE_TIMEOUT';

  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what} did not answer within ${timeoutMs} ms`);
    this.name = 'StoreTimeoutError';
  }
}
