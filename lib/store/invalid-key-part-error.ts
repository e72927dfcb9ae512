/** An id that cannot become part of a store key or channel name (the rule is in `key-part.ts`). */
export class InvalidKeyPartError extends Error {
  readonly code = 'INVALID_KEY_PART';

  constructor(
    readonly kind: string,
    readonly value: unknown,
  ) {
    super(
      `${kind} must be 1 to 128 characters of A-Z a-z 0-9 . _ - @ + =, got ${JSON.stringify(value) ?? String(value)}`,
    );
    this.name = 'InvalidKeyPartError';
  }
}
