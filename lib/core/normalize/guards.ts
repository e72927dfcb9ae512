import { MalformedFieldError } from './malformed-field-error';

/**
 * Hand-written readers for parsed JSON: the normalizer runs on every poll, so no schema library on this path.
 * Each reader takes the object, the key and the object's own path, and builds the field's path only when it
 * throws a `MalformedFieldError`. "Missing" means absent or `undefined`; readers called `nullable...` treat a
 * missing field like `null`.
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

const MAX_SHOWN_STRING = 60;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `album` under `item` is `item.album`; top-level fields have no prefix. */
export function fieldPath(parentPath: string, key: string): string {
  return parentPath === '' ? key : `${parentPath}.${key}`;
}

/** A short, never-throwing description of an unexpected value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string': {
      const shown = value.length > MAX_SHOWN_STRING ? `${value.slice(0, MAX_SHOWN_STRING)}…` : value;
      return JSON.stringify(shown);
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

export function malformed(path: string, expected: string, value: unknown): never {
  throw new MalformedFieldError(path, expected, describeValue(value));
}

export function recordAt(parent: JsonRecord, key: string, parentPath: string): JsonRecord {
  const value = parent[key];
  return isRecord(value) ? value : malformed(fieldPath(parentPath, key), 'an object', value);
}

export function nullableRecordAt(parent: JsonRecord, key: string, parentPath: string): JsonRecord | null {
  const value = parent[key];
  if (value === null || value === undefined) return null;
  return isRecord(value) ? value : malformed(fieldPath(parentPath, key), 'an object or null', value);
}

export function arrayAt(parent: JsonRecord, key: string, parentPath: string): readonly unknown[] {
  const value = parent[key];
  return Array.isArray(value) ? value : malformed(fieldPath(parentPath, key), 'an array', value);
}

export function stringAt(parent: JsonRecord, key: string, parentPath: string): string {
  const value = parent[key];
  return typeof value === 'string' ? value : malformed(fieldPath(parentPath, key), 'a string', value);
}

export function nullableStringAt(parent: JsonRecord, key: string, parentPath: string): string | null {
  const value = parent[key];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : malformed(fieldPath(parentPath, key), 'a string or null', value);
}

export function booleanAt(parent: JsonRecord, key: string, parentPath: string): boolean {
  const value = parent[key];
  return typeof value === 'boolean' ? value : malformed(fieldPath(parentPath, key), 'a boolean', value);
}

/** A boolean, or `fallback` when the field is missing or null. */
export function booleanOrAt(parent: JsonRecord, key: string, parentPath: string, fallback: boolean): boolean {
  const value = parent[key];
  if (value === null || value === undefined) return fallback;
  return typeof value === 'boolean' ? value : malformed(fieldPath(parentPath, key), 'a boolean', value);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function nonNegativeIntegerAt(parent: JsonRecord, key: string, parentPath: string): number {
  const value = parent[key];
  return isNonNegativeInteger(value)
    ? value
    : malformed(fieldPath(parentPath, key), 'a non-negative integer', value);
}

export function nullableNonNegativeIntegerAt(
  parent: JsonRecord,
  key: string,
  parentPath: string,
): number | null {
  const value = parent[key];
  if (value === null || value === undefined) return null;
  return isNonNegativeInteger(value)
    ? value
    : malformed(fieldPath(parentPath, key), 'a non-negative integer or null', value);
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return (allowed as readonly unknown[]).includes(value);
}

/** One of `allowed`, e.g. `repeat_state`. */
export function oneOfAt<T extends string>(
  parent: JsonRecord,
  key: string,
  parentPath: string,
  allowed: readonly T[],
): T {
  const value = parent[key];
  if (isOneOf(value, allowed)) return value;
  return malformed(fieldPath(parentPath, key), `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
}
