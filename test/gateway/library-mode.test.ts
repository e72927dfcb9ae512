import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { Server } from 'socket.io';
import { io as rawClient } from 'socket.io-client';
import { MusicWebSocketService } from '../../lib/gateway';
import type { EngineState } from '../../lib/core/engine/engine-state';
import { SeededRandom } from '../../lib/random/random';
import { InProcessPlaybackReader, SimWorld, type ListenerCredentials } from '../../lib/simulator';
import { systemClock } from '../../lib/time/system-clock';
import { Worker } from '../../lib/worker/worker';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';
import { silentLogger, simulatorTokens } from '../worker/worker-kit';
import { captureLogs, connected, received, waitFor } from './gateway-kit';
import { MusicClient } from '../../lib/client';

const SECRET = 'host-secret';

/** Library mode: the host's own Socket.IO server, the service mounted on it, and a worker in the same process. */
describe('library mode: MusicWebSocketService on a host’s Socket.IO server (real Redis)', () => {
  const prefix = uniquePrefix('test-gw-library');
  let redis: Redis;
  let io: Server;
  let url: string;
  let service: MusicWebSocketService;
  let world: SimWorld;
  let listener: ListenerCredentials;
  let worker: Worker;
  const clients: { close(): void }[] = [];

  beforeEach(async () => {
    redis = new Redis(testRedisUrl());
    const http = createServer();
    io = new Server(http);
    io.of('/chat').on('connection', () => undefined);
    service = new MusicWebSocketService(io, redis, {
      prefix,
      session: { secret: SECRET, prefix: `${prefix}sess:` },
      logger: captureLogs().logger,
      registry: new Registry(),
      heartbeatIntervalMs: 200,
    });
    await service.ready;
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    world = new SimWorld(systemClock, { seed: 2, consistency: { minMs: 0, maxMs: 0 } });
    listener = world.addListener({ initial: 'playing', actor: false });
    worker = new Worker(
      {
        stores: service.stores,
        spotify: new InProcessPlaybackReader(world, systemClock),
        tokens: simulatorTokens(
          () => [listener],
          () => world,
        ),
        publisher: service.publisher,
        clock: systemClock,
        random: new SeededRandom('library'),
        logger: silentLogger,
        registry: new Registry(),
      },
      { workerId: 'library-worker', leaseTtlMs: 1500 },
    );
    await worker.start();
  });

  afterEach(async () => {
    for (const client of clients) client.close();
    await worker.close();
    await service.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  async function signIn(userId: string): Promise<string> {
    const sid = randomUUID();
    const expires = new Date(systemClock.now() + 3_600_000).toISOString();
    await redis.set(`${prefix}sess:${sid}`, JSON.stringify({ cookie: { expires }, userId }), 'EX', 3600);
    return sid;
  }

  it("a host's emit, then the poller's sight of the same change, reaches the client once", async () => {
    const userId = listener.id;
    const client = new MusicClient({
      url,
      sessionId: await signIn(userId),
      socketOptions: { transports: ['websocket'] },
    });
    clients.push(client);
    const events = received(client);
    await waitFor(() => service.getSubscriptionCount() === 1, 'the subscription');
    expect(service.getConnectionCount()).toBe(1);
    await waitFor(async () => (await service.stores.latestState.get(userId)) !== null, 'the baseline poll');

    // The host turns the volume down through Spotify and tells its clients at once.
    expect(world.act(userId, { kind: 'volume', volume: 33 })).toBe(true);
    await service.emitVolumeChanged(userId, { volume: 33, device: null, deviceId: null });
    await waitFor(() => events.length > 0, 'the host event');
    // The poller sees the change (the announced hint nudged it), and holds no volume event back.
    await waitFor(
      async () => {
        const state = (await service.stores.latestState.get(userId)) as EngineState | null;
        return state?.player?.device?.volume === 33 && state.heldVolume === null;
      },
      'the poller to see the change',
      10_000,
    );
    // It recognised the change as the host's: the announced hint is used up, not expired.
    await expect(service.stores.hints.live(userId, systemClock.now())).resolves.toEqual([]);

    // Anything the poller published for the volume went out before the event of this later pause.
    expect(world.act(userId, { kind: 'pause' })).toBe(true);
    await service.stores.bus.publish(userId);
    await waitFor(
      () => events.some((event) => event.event === 'playbackStateChanged' && !event.data.isPlaying),
      'the pause',
    );
    expect(events.filter((event) => event.event === 'volumeChanged')).toEqual([
      { event: 'volumeChanged', data: expect.objectContaining({ volume: 33, source: 'user' }) },
    ]);
  });

  it('closes /music only: the host’s other namespaces stay connected', async () => {
    const sessionId = await signIn('u1');
    const music = new MusicClient({
      url,
      sessionId,
      autoSubscribe: false,
      socketOptions: { transports: ['websocket'] },
    });
    clients.push(music);
    const chat = rawClient(`${url}/chat`, { transports: ['websocket'] });
    clients.push(chat);
    const chatConnected = new Promise<void>((resolve) => chat.once('connect', () => resolve()));
    await connected(music);
    await chatConnected;
    const musicGone = new Promise<string>((resolve) => music.socket.once('disconnect', resolve));

    await service.close();
    await expect(musicGone).resolves.toBe('io server disconnect');
    expect(chat.connected).toBe(true);
    expect(service.getConnectionCount()).toBe(0);
  });
});

describe('library mode without Redis (one process: the demo, or a host with an in-process worker)', () => {
  it('authenticates against its own session store and delivers what the host emits, with id and defaults', async () => {
    const http = createServer();
    const io = new Server(http);
    const service = new MusicWebSocketService(io, null, {
      session: { secret: SECRET },
      logger: captureLogs().logger,
    });
    await service.ready;
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    let client: MusicClient | null = null;
    try {
      const sessions = service.sessionStore!;
      const expires = new Date(systemClock.now() + 3_600_000).toISOString();
      await new Promise<void>((resolve) =>
        sessions.set('demo-session', { cookie: { expires }, userId: 'demo-1' } as never, () => resolve()),
      );
      client = new MusicClient({
        url,
        sessionId: 'demo-session',
        socketOptions: { transports: ['websocket'] },
      });
      const events = received(client);
      await waitFor(() => service.getSubscriptionCount() === 1, 'the subscription');
      await service.emitCommandExecuted('demo-1', {
        command: 'play something calm',
        intent: 'play_specific_song',
        success: true,
        confidence: 0.9,
      });
      await waitFor(() => events.length === 1, 'the command report');
      expect(events[0]).toEqual({
        event: 'commandExecuted',
        data: expect.objectContaining({
          command: 'play something calm',
          source: 'ai',
          timestamp: expect.any(Number),
          eventId: expect.stringMatching(/^\d+-\d+$/),
        }),
      });
      await expect(service.stores.eventStreams.lastId('demo-1')).resolves.toBe(events[0]!.data.eventId);
    } finally {
      client?.close();
      await service.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    }
  });

  it('refuses to start without a way to authenticate sockets', () => {
    expect(() => new MusicWebSocketService(new Server(), null, {})).toThrow(
      /needs `sessions` \(a SessionResolver\) or `session: \{secret, ...\}`/,
    );
  });
});
