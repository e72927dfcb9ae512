import { pingOnce } from './throwaway-redis';
import { testRedisUrl } from './redis-url';

describe('test Redis', () => {
  it('is reachable at the URL the global setup handed out', async () => {
    const port = Number(new URL(testRedisUrl()).port || 6379);
    await expect(pingOnce(port)).resolves.toBe(true);
  });
});
