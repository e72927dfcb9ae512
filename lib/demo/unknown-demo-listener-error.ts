/** A user id that is not one of the demo's listeners (404). */
export class UnknownDemoListenerError extends Error {
  readonly code = 'DEMO_UNKNOWN_LISTENER';

  constructor(readonly userId: string) {
    super(`No demo listener with id ${JSON.stringify(userId)}; GET /demo/listeners lists them`);
    this.name = 'UnknownDemoListenerError';
  }
}
