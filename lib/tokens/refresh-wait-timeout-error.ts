/** Another worker held the user's refresh lock and no new token appeared in time; a transient failure. */
export class RefreshWaitTimeoutError extends Error {
  readonly code = 'REFRESH_WAIT_TIMEOUT';

  constructor(
    readonly userId: string,
    waitedMs: number,
  ) {
    super(`user ${userId}: waited ${waitedMs} ms for another worker's token refresh`);
    this.name = 'RefreshWaitTimeoutError';
  }
}
