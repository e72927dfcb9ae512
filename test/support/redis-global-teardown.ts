import type { ThrowawayRedis } from './throwaway-redis';

export default async function redisGlobalTeardown(): Promise<void> {
  await (globalThis as { __throwawayRedis?: ThrowawayRedis }).__throwawayRedis?.stop();
}
