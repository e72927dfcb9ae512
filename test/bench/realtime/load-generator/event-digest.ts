import { createHash } from 'node:crypto';

/**
 * A digest of an event's payload that does not depend on key order: what a socket received can be compared
 * with what the user's stream holds, so an event of another user (or a corrupted one) cannot pass for it.
 */
export function eventDigest(event: string, data: unknown): string {
  return createHash('sha1').update(event).update('\0').update(canonicalJson(data)).digest('base64url');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
}
