import { startThrowawayRedis } from './throwaway-redis';

/**
 * Gives every test worker a Redis: the one named by REDIS_URL when it is set (tests flush only keys under
 * their own prefix), otherwise a throw-away `redis-server` on a free port, stopped in the global teardown.
 */
export default async function redisGlobalSetup(): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- test infrastructure hands the URL to the workers
  const env = process.env;
  if (env.REDIS_URL) return;
  const redis = await startThrowawayRedis();
  env.REDIS_URL = redis.url;
  (globalThis as { __throwawayRedis?: typeof redis }).__throwawayRedis = redis;
}
