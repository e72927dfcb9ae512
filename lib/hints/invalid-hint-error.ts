/** A hint that failed validation; `errors` holds one sentence per problem, as `validateHintInput` words them. */
export class InvalidHintError extends Error {
  readonly code = 'HINT_INVALID';

  constructor(readonly errors: readonly string[]) {
    super(`invalid hint: ${errors.join('; ')}`);
    this.name = 'InvalidHintError';
  }
}
