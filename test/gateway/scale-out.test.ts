import { Redis } from 'ioredis';
import type { MusicEvent } from '../../lib/contract/events';
import { Registry } from 'prom-client';
import { SeededRandom } from '../../lib/random/random';
import { InProcessPlaybackReader, SimWorld, type ListenerCredentials } from '../../lib/simulator';
import { createRedisStores, type Stores } from '../../lib/store';
import { systemClock } from '../../lib/time/system-clock';
import { Worker } from '../../lib/worker/worker';
import { testRedisUrl } from '../support/redis-url';
import { silentLogger, simulatorTokens } from '../worker/worker-kit';
import { connected, GatewayTestbed, received, refusal, waitFor } from './gateway-kit';

describe('several gateways (real Redis, real time)', () => {
  let bed: GatewayTestbed;

  beforeEach(() => {
    bed = new GatewayTestbed();
  });

  afterEach(async () => {
    await bed.dispose();
  });

  describe('with a worker polling the simulator', () => {
    let world: SimWorld;
    let listeners: ListenerCredentials[];
    let workerRedis: Redis;
    let workerStores: Stores;
    let worker: Worker;

    beforeEach(async () => {
      world = new SimWorld(systemClock, { seed: 1, consistency: { minMs: 0, maxMs: 0 } });
      listeners = [
        world.addListener({ initial: 'playing', actor: false }),
        world.addListener({ initial: 'playing', actor: false }),
      ];
      workerRedis = new Redis(testRedisUrl());
      workerStores = createRedisStores(workerRedis, { prefix: bed.prefix });
      // The worker's events go out as in production: the stream, then a PUBLISH the adapters pick up.
      worker = new Worker(
        {
          stores: workerStores,
          spotify: new InProcessPlaybackReader(world, systemClock),
          tokens: simulatorTokens(
            () => listeners,
            () => world,
          ),
          publisher: bed.publisher,
          clock: systemClock,
          random: new SeededRandom('w1'),
          logger: silentLogger,
          registry: new Registry(),
        },
        { workerId: 'w1', leaseTtlMs: 1500 },
      );
      await worker.start();
    });

    afterEach(async () => {
      await worker.close();
      await workerStores.close();
      await workerRedis.quit();
    });

    it("an event the worker publishes reaches the user's sockets on both gateways, and only theirs", async () => {
      const gateways = [await bed.startGateway(), await bed.startGateway()];
      const [alice, bob] = listeners.map((listener) => listener.id) as [string, string];
      const sockets: { userId: string; events: MusicEvent[] }[] = [];
      for (const userId of [alice, bob]) {
        for (const gateway of gateways) {
          sockets.push({ userId, events: received(await bed.subscribedClient(gateway.url, userId)) });
        }
      }
      // Subscribing made both active; the worker takes them and polls their baselines.
      await waitFor(
        async () =>
          (await workerStores.latestState.get(alice)) !== null &&
          (await workerStores.latestState.get(bob)) !== null,
        'the baselines',
      );

      expect(world.act(alice, { kind: 'pause' })).toBe(true);
      await bed.stores.bus.publish(alice);
      await waitFor(
        () => sockets.filter(({ userId }) => userId === alice).every(({ events }) => events.length > 0),
        "alice's pause on both gateways",
      );
      for (const { userId, events } of sockets) {
        if (userId === bob) continue;
        expect(events).toEqual([
          {
            event: 'playbackStateChanged',
            data: expect.objectContaining({ isPlaying: false, source: 'user' }),
          },
        ]);
      }
      expect(sockets.filter(({ userId }) => userId === bob).map(({ events }) => events)).toEqual([[], []]);
    });
  });

  it('a dead gateway’s sockets are swept by a living one, and the counts are true again', async () => {
    const living = await bed.startGateway({ heartbeatIntervalMs: 100 });
    const doomed = await bed.startGateway({ heartbeatIntervalMs: 100, heartbeatTtlMs: 300 });
    await bed.subscribedClient(living.url, 'u1');
    const orphans = [
      await bed.subscribedClient(doomed.url, 'u1'),
      await bed.subscribedClient(doomed.url, 'u2'),
    ];
    await expect(living.sockets.connectionCount()).resolves.toBe(3);

    // Dies: no more heartbeats, and its sockets go without it telling the registry.
    doomed.redis.disconnect();
    for (const client of orphans) client.close();
    await waitFor(async () => (await living.sockets.connectionCount()) === 1, 'the sweep', 3000);
    await expect(living.sockets.socketsOf('u1')).resolves.toHaveLength(1);
    await expect(living.sockets.socketsOf('u2')).resolves.toEqual([]);
    expect(living.logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'swept the sockets of dead gateways', swept: ['gw-2'] }),
    );
  });

  it('a user at the cap because of a dead gateway gets in once its heartbeat lapses, without waiting for a sweep', async () => {
    // This gateway's own sweep is a minute away: only the sweep on refusal can free the slots.
    const living = await bed.startGateway({ heartbeatIntervalMs: 60_000 });
    const doomed = await bed.startGateway({ heartbeatIntervalMs: 100, heartbeatTtlMs: 300 });
    const sessionId = await bed.signIn('u1');
    for (const target of [living, living, doomed, doomed, doomed]) {
      await connected(bed.client(target.url, { sessionId, autoSubscribe: false }));
    }
    const tooMany = bed.client(living.url, { sessionId, autoSubscribe: false });
    await expect(refusal(tooMany)).resolves.toMatchObject({ code: 'too_many_connections' });

    doomed.redis.disconnect();
    const lapsed = systemClock.now() + 400;
    await waitFor(() => systemClock.now() > lapsed, 'the heartbeat to lapse', 2000);
    const admitted = bed.client(living.url, { sessionId, autoSubscribe: false });
    await connected(admitted);
    await expect(living.sockets.socketsOf('u1')).resolves.toHaveLength(3);
  });
});
