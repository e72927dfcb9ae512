/** `publish` after `close`: the publisher no longer takes events. */
export class PublisherClosedError extends Error {
  readonly code = 'PUBLISHER_CLOSED';

  constructor() {
    super('the publisher is closed and takes no more events');
    this.name = 'PublisherClosedError';
  }
}
