import type { Redis } from 'ioredis';
import { execResults, replyStrings } from './redis-replies';

/**
 * A zset whose scores are the instants its members lapse: drops those lapsed at `now` and returns the rest,
 * in one transaction.
 */
export async function pruneAndReadLive(redis: Redis, key: string, now: number): Promise<string[]> {
  const [, members] = execResults(
    key,
    await redis.multi().zremrangebyscore(key, '-inf', now).zrangebyscore(key, `(${now}`, '+inf').exec(),
  );
  return replyStrings(key, members);
}
