import { Redis } from 'ioredis';
import { createRedisStores } from '../../lib/store/redis/redis-stores';
import { StoreDataError } from '../../lib/store/store-data-error';
import type { Stores } from '../../lib/store/stores';
import { testRedisUrl } from '../support/redis-url';
import { statusEvent } from './contract/event-stream-contract';
import { inbox } from './contract/inbox';
import { T0 } from './contract/store-fixture';
import { deleteKeys, uniquePrefix } from './redis-fixture';

/** Redis-only: the key names, types and TTLs the stores leave behind, MAXLEN trimming, channels, connections. */
describe('Redis layout', () => {
  let redis: Redis;
  let prefix: string;
  let stores: Stores;
  const bufferTtlMs = 600_000;

  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await redis.quit();
  });
  beforeEach(() => {
    prefix = uniquePrefix('music-test-prefix');
    stores = createRedisStores(redis, { prefix, bufferTtlMs });
  });
  afterEach(async () => {
    await stores.close();
    await deleteKeys(redis, prefix);
  });

  async function writeEverything(): Promise<void> {
    await stores.tokens.set('u1', {
      accessToken: 'a',
      accessTokenExpiresAt: T0,
      refreshTokenCiphertext: 'c',
      status: 'ok',
    });
    await stores.refreshLocks.tryLock('u1', 'w1', 1000, T0);
    await stores.hints.add('u1', { id: 'h1', source: 'ai', intent: 'pause', recordedAt: T0, ttlMs: 1000 });
    await stores.activeUsers.touch('u1', T0 + 1000);
    await stores.latestState.set('u1', { isPlaying: true });
    await stores.playbackStates.set('u1', { isPlaying: true });
    for (let n = 0; n < 3; n++) await stores.eventStreams.append('u1', statusEvent(n), T0 + n);
    await stores.budget.tryReserve(T0, 30_000, 100);
    await stores.cooldown.enter(T0 + 1000, 'rate_limited', T0);
    await stores.workers.heartbeat('w1', T0, 1000);
    await stores.leases.acquireLease('u1', 'w1', T0, 1000);
    await stores.tuning.set({ budgetPer30s: 100 });
  }

  it('writes exactly these keys, with these types and garbage-collection TTLs', async () => {
    await writeEverything();
    const layout: [suffix: string, type: string, expires: boolean][] = [
      ['tokens:u1', 'hash', false],
      ['refresh-lock:u1', 'hash', true],
      ['hints:u1', 'hash', true],
      ['hints:u1:expiries', 'zset', true],
      ['hinted-users', 'zset', false],
      ['active', 'zset', false],
      ['state:u1', 'string', false],
      ['playback:u1', 'string', false],
      ['ws:user:u1:buffer', 'stream', true],
      ['budget', 'zset', true],
      ['budget:seq', 'string', true],
      ['cooldown', 'hash', true],
      ['workers', 'zset', false],
      ['lease:u1', 'hash', true],
      ['worker:w1:leases', 'zset', true],
      ['tuning', 'hash', false],
    ];
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      found.push(...keys);
      cursor = next;
    } while (cursor !== '0');
    expect(found.sort()).toEqual(layout.map(([suffix]) => prefix + suffix).sort());
    for (const [suffix, type, expires] of layout) {
      await expect(redis.type(prefix + suffix)).resolves.toBe(type);
      const pttl = await redis.pttl(prefix + suffix);
      if (expires) expect(pttl).toBeGreaterThan(0);
      else expect(pttl).toBe(-1);
    }
  });

  it("keeps the events in the seed's stream key, under the Redis stream ids it returns", async () => {
    const ids = [];
    for (let n = 0; n < 3; n++) ids.push(await stores.eventStreams.append('u1', statusEvent(n), T0 + n));
    const key = `${prefix}ws:user:u1:buffer`;
    await expect(redis.xlen(key)).resolves.toBe(3);
    const entries = await redis.xrange(key, '-', '+');
    expect(entries.map(([id]) => id)).toEqual(ids);
    expect(entries[1]?.[1]).toEqual(['previous', ids[0], 'event', JSON.stringify(statusEvent(1))]);
    const pttl = await redis.pttl(key);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(bufferTtlMs);
  });

  it('trims with MAXLEN ~ and tells a reader who missed trimmed events to resync', async () => {
    const bufferSize = 50;
    const trimmed = createRedisStores(redis, { prefix, bufferSize });
    const ids: string[] = [];
    for (let n = 0; n < 400; n++) ids.push(await trimmed.eventStreams.append('u2', statusEvent(n), T0 + n));
    const key = `${prefix}ws:user:u2:buffer`;
    const length = await redis.xlen(key);
    expect(length).toBeGreaterThanOrEqual(bufferSize);
    expect(length).toBeLessThan(bufferSize + 101);
    const oldestIndex = ids.length - length;
    const [[oldestId] = []] = await redis.xrange(key, '-', '+', 'COUNT', 1);
    expect(oldestId).toBe(ids[oldestIndex]);
    const replay = await trimmed.eventStreams.readAfter('u2', ids[oldestIndex - 1] as string, 1000);
    expect(replay.gap).toBe(false);
    expect(replay.events.map((e) => e.id)).toEqual(ids.slice(oldestIndex));
    const missed = await trimmed.eventStreams.readAfter('u2', ids[oldestIndex - 2] as string, 1000);
    expect(missed).toEqual({ events: [], gap: true });
    await trimmed.close();
  });

  it('calls a stream that expired a gap for a reader who had events', async () => {
    const id = await stores.eventStreams.append('u1', statusEvent(1), T0);
    await redis.del(`${prefix}ws:user:u1:buffer`);
    await expect(stores.eventStreams.readAfter('u1', id, 10)).resolves.toEqual({ events: [], gap: true });
    await expect(stores.eventStreams.readAfter('u1', '0-0', 10)).resolves.toEqual({ events: [], gap: false });
  });

  it('publishes on the prefixed channels and ignores messages that do not parse', async () => {
    const listener = redis.duplicate();
    const raw = inbox<string>();
    listener.on('message', (channel: string, message: string) => raw.handler(`${channel} ${message}`));
    await listener.subscribe(`${prefix}nudge`, `${prefix}tuning-changed`);
    const nudges = inbox<string>();
    const versions = inbox<number>();
    await stores.bus.subscribe(nudges.handler);
    await stores.bus.subscribeTuningChanged(versions.handler);
    await redis.publish(`${prefix}nudge`, 'not:a:user');
    await redis.publish(`${prefix}tuning-changed`, 'seven');
    await stores.bus.publish('u1');
    await stores.bus.publishTuningChanged(7);
    await Promise.all([raw.until(4), nudges.until(1), versions.until(1)]);
    expect(raw.received.slice(2)).toEqual([`${prefix}nudge u1`, `${prefix}tuning-changed 7`]);
    expect(nudges.received).toEqual(['u1']);
    expect(versions.received).toEqual([7]);
    await listener.quit();
  });

  it("leaves the caller's connection open on close", async () => {
    await stores.bus.subscribe(() => undefined);
    await stores.close();
    await expect(redis.ping()).resolves.toBe('PONG');
  });

  it('reports data it did not write as malformed', async () => {
    await redis.hset(`${prefix}tokens:u1`, { accessToken: 'a', accessTokenExpiresAt: '1', status: 'weird' });
    await expect(stores.tokens.get('u1')).rejects.toThrow(StoreDataError);
    await expect(stores.tokens.get('u1')).rejects.toMatchObject({ code: 'STORE_DATA_INVALID' });
  });

  it('refuses a connection with a keyPrefix of its own, and a malformed prefix', async () => {
    const prefixed = new Redis(testRedisUrl(), { keyPrefix: 'other:', lazyConnect: true });
    expect(() => createRedisStores(prefixed, { prefix })).toThrow('use the `prefix` option instead');
    prefixed.disconnect();
    expect(() => createRedisStores(redis, { prefix: 'music' })).toThrow(RangeError);
    expect(() => createRedisStores(redis, { prefix: 'a{b}:' })).toThrow(RangeError);
  });
});
