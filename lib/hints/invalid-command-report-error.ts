/** A command report that failed validation; `errors` holds one sentence per problem. */
export class InvalidCommandReportError extends Error {
  readonly code = 'COMMAND_REPORT_INVALID';

  constructor(readonly errors: readonly string[]) {
    super(`invalid command report: ${errors.join('; ')}`);
    this.name = 'InvalidCommandReportError';
  }
}
