import type { z } from 'zod';

/** What a validator of untrusted input returns: the typed value, or one precise sentence per problem. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const MAX_SHOWN_STRING = 60;

/**
 * Runs `schema` on `input` and words each issue as `path: what it must be, got what it was`, e.g.
 * `ttlMs: must be a positive integer (ms), got -5`. `subject` names the whole input (for issues at its root).
 */
export function validateWith<T>(schema: z.ZodType<T>, input: unknown, subject: string): ValidationResult<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: string[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.length === 0 ? subject : formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const parent = issue.path.length === 0 ? '' : `${path}.`;
      for (const key of issue.keys) errors.push(`${parent}${key}: unknown field`);
    } else {
      errors.push(`${path}: ${issue.message}, got ${describe(valueAt(input, issue.path))}`);
    }
  }
  return { ok: false, errors };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > MAX_SHOWN_STRING ? `${value.slice(0, MAX_SHOWN_STRING)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
