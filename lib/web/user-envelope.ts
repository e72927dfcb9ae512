import { isRecord } from '../core/normalize/guards';
import { isValidKeyPart } from '../store';

/**
 * Splits an internal request's body `{ userId, ...payload }`: the user it is for, the rest (null when the body is
 * not an object), and what is wrong with the body as a whole or with `userId` (the payload is checked by its own
 * validator).
 */
export function userEnvelope(body: unknown): {
  userId: string | null;
  payload: Record<string, unknown> | null;
  errors: string[];
} {
  if (!isRecord(body)) {
    return {
      userId: null,
      payload: null,
      errors: ['body: must be a JSON object with userId and the payload'],
    };
  }
  const { userId, ...payload } = body;
  if (isValidKeyPart(userId)) return { userId, payload, errors: [] };
  const got = userId === undefined ? 'nothing' : JSON.stringify(userId);
  return {
    userId: null,
    payload,
    errors: [`userId: must be a user id (1–128 of A-Z a-z 0-9 . _ - @ + =), got ${got}`],
  };
}
