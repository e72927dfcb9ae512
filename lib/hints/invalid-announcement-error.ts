/** An event a host announced that cannot be published or matched to the poller's view; one sentence per problem. */
export class InvalidAnnouncementError extends Error {
  readonly code = 'ANNOUNCEMENT_INVALID';

  constructor(readonly errors: readonly string[]) {
    super(`invalid announced event: ${errors.join('; ')}`);
    this.name = 'InvalidAnnouncementError';
  }
}
