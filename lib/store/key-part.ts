import { InvalidKeyPartError } from './invalid-key-part-error';

/**
 * User, worker and socket ids become parts of Redis keys and channel names. A colon would let one id name
 * another id's key (`u1:buffer`), braces change Redis Cluster hash slots, and `* ? [ ] \` are glob syntax for
 * SCAN and PSUBSCRIBE; so the rule is a whitelist: 1 to 128 characters of A-Z a-z 0-9 . _ - @ + =. That covers
 * Spotify user ids, UUIDs, numeric and e-mail-like ids, and Socket.IO socket ids. Both backends enforce it, so
 * code that passes against the in-memory stores does not fail later on Redis.
 */
const KEY_PART = /^[A-Za-z0-9._@+=-]{1,128}$/;

export type KeyPartKind = 'userId' | 'workerId' | 'socketId';

export function isValidKeyPart(value: unknown): value is string {
  return typeof value === 'string' && KEY_PART.test(value);
}

export function assertKeyPart(kind: KeyPartKind, value: unknown): asserts value is string {
  if (!isValidKeyPart(value)) throw new InvalidKeyPartError(kind, value);
}
