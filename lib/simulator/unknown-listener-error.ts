/** A listener id the world does not know (control API: 404). */
export class UnknownListenerError extends Error {
  readonly code = 'SIMULATOR_UNKNOWN_LISTENER';

  constructor(readonly listenerId: string) {
    super(`No listener with id ${JSON.stringify(listenerId)}`);
    this.name = 'UnknownListenerError';
  }
}
