import { decode } from 'notepack.io';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { Publisher } from '../../lib/publish/publisher';
import { RedisEmitterSink } from '../../lib/publish/redis-emitter-sink';
import { systemRandom } from '../../lib/random/random';
import { createRedisStores } from '../../lib/store/redis/redis-stores';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { inbox } from '../store/contract/inbox';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';
import { T0 } from '../core/builders';
import { trackChanged, volumeChanged } from './events';

/** What the Socket.IO Redis adapter decodes from a broadcast: `[emitter uid, packet, options]`. */
type Broadcast = [
  string,
  { type: number; data: [string, Record<string, unknown>]; nsp: string },
  { rooms: string[] },
];

describe('RedisEmitterSink', () => {
  let redis: Redis;
  let listener: Redis;
  let key: string;

  beforeEach(() => {
    redis = new Redis(testRedisUrl());
    listener = new Redis(testRedisUrl());
    // A channel prefix of its own, so concurrent runs on one Redis do not hear each other.
    key = `socket.io-test-${systemRandom()
      .int(2 ** 30)
      .toString(36)}`;
  });
  afterEach(async () => {
    await listener.quit();
    await redis.quit();
  });

  async function listen(channel: string) {
    const received = inbox<Broadcast>();
    listener.on('messageBuffer', (from: Buffer, message: Buffer) => {
      if (from.toString() === channel) received.handler(decode(message) as Broadcast);
    });
    await listener.subscribe(channel);
    return received;
  }

  it("publishes each event on the adapter's channel of the user's room on /music", async () => {
    const received = await listen(`${key}#/music#user:u1#`);
    const sink = new RedisEmitterSink(redis, { key });
    const event = {
      event: 'volumeChanged',
      data: { ...volumeChanged(42).data, eventId: `${T0}-0` },
    } as const;
    await sink.emit('u1', event);
    await received.until(1);
    const [uid, packet, options] = received.received[0]!;
    expect(uid).toBe('emitter');
    expect(packet).toEqual({ type: 2, data: ['volumeChanged', event.data], nsp: '/music' });
    expect(options.rooms).toEqual(['user:u1']);
  });

  it('carries the ids the stream gave, in the order of the stream, when the publisher uses it', async () => {
    const received = await listen(`${key}#/music#user:u2#`);
    const prefix = uniquePrefix();
    const stores = createRedisStores(redis, { prefix });
    const publisher = new Publisher({
      stores,
      sink: new RedisEmitterSink(redis, { key }),
      clock: new VirtualClock(T0),
      registry: new Registry(),
      log: { warn: () => undefined },
    });
    await publisher.publish('u2', [trackChanged('a', 'b'), volumeChanged(10), volumeChanged(20)]);
    await received.until(3);
    const stream = await stores.eventStreams.readAfter('u2', '0-0', 10);
    expect(received.received.map(([, packet]) => packet.data)).toEqual(
      stream.events.map((entry) => [entry.event.event, entry.event.data]),
    );
    await publisher.close();
    await stores.close();
    await deleteKeys(redis, prefix);
  });

  it('reports a PUBLISH that failed instead of dropping it silently', async () => {
    const offline = new Redis(testRedisUrl(), { lazyConnect: true, enableOfflineQueue: false });
    const sink = new RedisEmitterSink(offline, { key });
    const event = { event: 'volumeChanged', data: { ...volumeChanged(1).data, eventId: `${T0}-0` } } as const;
    await expect(sink.emit('u1', event)).rejects.toThrow(/enableOfflineQueue/);
    offline.disconnect();
  });

  it('refuses an empty adapter key', () => {
    expect(() => new RedisEmitterSink(redis, { key: '' })).toThrow(
      'RedisEmitterSink option `key` must be a non-empty string, got ""',
    );
  });
});
