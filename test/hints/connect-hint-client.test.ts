import { Redis } from 'ioredis';
import { connectHintClient } from '../../lib/hints';
import { createRedisStores } from '../../lib/store';
import { testRedisUrl } from '../support/redis-url';

describe('connectHintClient: a host that reaches the daemon only through Redis', () => {
  const prefix = `test-hints-${Math.floor(performance.now() * 1000)}:`;
  let redis: Redis;

  beforeEach(() => {
    redis = new Redis(testRedisUrl());
  });

  afterEach(async () => {
    await redis.quit();
  });

  it('records hints where the workers read them and streams command reports as commandExecuted', async () => {
    const connected = connectHintClient(redis, { prefix });
    const daemonRedis = redis.duplicate();
    const daemon = createRedisStores(daemonRedis, { prefix });
    try {
      const hint = await connected.hints.recordHint('u1', {
        source: 'ai',
        intent: 'play_specific_song',
        expect: { trackUri: 'spotify:track:abc' },
        reasoning: 'calm',
        ttlMs: 10_000,
      });
      const live = await daemon.hints.live('u1', hint.recordedAt);
      expect(live.map((each) => each.id)).toEqual([hint.id]);

      await connected.hints.reportCommand('u1', {
        command: 'play something calm',
        intent: 'play_specific_song',
        success: true,
        confidence: 0.9,
      });
      const streamed = await daemon.eventStreams.readAfter('u1', '0-0', 10);
      expect(streamed.events.map(({ event }) => [event.event, event.data.source])).toEqual([
        ['commandExecuted', 'ai'],
      ]);
    } finally {
      await connected.close();
      await daemon.close();
      await daemonRedis.quit();
    }
  });

  it('refuses a malformed hint with what is wrong', async () => {
    const connected = connectHintClient(redis, { prefix });
    try {
      await expect(
        connected.hints.recordHint('u1', { source: 'robot', intent: 'x', ttlMs: 5 }),
      ).rejects.toThrow(/source/);
    } finally {
      await connected.close();
    }
  });
});
