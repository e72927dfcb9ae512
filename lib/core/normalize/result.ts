import { MalformedFieldError } from './malformed-field-error';

/** What a normalizer returns: the value, or a sentence naming the field path and what was wrong with it. */
export type NormalizeResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function normalized<T>(value: T): NormalizeResult<T> {
  return { ok: true, value };
}

export function rejected<T>(reason: string): NormalizeResult<T> {
  return { ok: false, reason };
}

/**
 * Runs a parser built from the throwing readers of `guards.ts` and turns a malformed field into a rejection.
 * Any other exception is a bug in the parser and propagates.
 */
export function parseSafely<T>(parse: () => T): NormalizeResult<T> {
  try {
    return normalized(parse());
  } catch (error) {
    if (error instanceof MalformedFieldError) return rejected(error.message);
    throw error;
  }
}
