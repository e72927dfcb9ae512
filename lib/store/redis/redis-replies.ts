import { StoreDataError } from '../store-data-error';

/** Narrowing of raw Redis replies (ioredis types Lua and MULTI replies as unknown). */

export function replyString(location: string, reply: unknown): string {
  if (typeof reply !== 'string')
    throw new StoreDataError(location, `expected a string, got ${JSON.stringify(reply)}`);
  return reply;
}

export function optionalString(location: string, reply: unknown): string | null {
  return reply === null || reply === undefined ? null : replyString(location, reply);
}

export function replyNumber(location: string, reply: unknown): number {
  const value = typeof reply === 'number' ? reply : typeof reply === 'string' ? Number(reply) : NaN;
  if (!Number.isFinite(value))
    throw new StoreDataError(location, `expected a number, got ${JSON.stringify(reply)}`);
  return value;
}

export function replyStrings(location: string, reply: unknown): string[] {
  if (!Array.isArray(reply))
    throw new StoreDataError(location, `expected a list, got ${JSON.stringify(reply)}`);
  return reply.map((item) => replyString(location, item));
}

/** The results of a MULTI, throwing the first command error. */
export function execResults(location: string, results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new StoreDataError(location, 'the transaction was aborted');
  return results.map(([error, result]) => {
    if (error) throw error;
    return result;
  });
}
