import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MusicConnectionState } from '../../lib/client';
import { startThrowawayRedis, type ThrowawayRedis } from '../support/throwaway-redis';
import { GatewayTestbed, received, volumeEvent, waitFor } from './gateway-kit';

describe('Redis restarted under a connected client (a throw-away redis-server with an append-only file)', () => {
  let dir: string;
  let redis: ThrowawayRedis;
  let bed: GatewayTestbed;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gateway-restart-'));
    redis = await startThrowawayRedis({ appendOnly: true, dir });
    bed = new GatewayTestbed(50, redis.url);
  });

  afterEach(async () => {
    await bed.dispose();
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the socket, reports degraded, answers unavailable meanwhile, and delivers events again after', async () => {
    const gateway = await bed.startGateway({ heartbeatIntervalMs: 100, storeTimeoutMs: 500 });
    const client = await bed.subscribedClient(gateway.url, 'u1');
    const events = received(client);
    const states: MusicConnectionState[] = [];
    client.onStateChange((state) => states.push(state));
    const socketId = client.socket.id;
    const patterns = await bed.admin.pubsub('NUMPAT');
    expect(patterns).toBeGreaterThan(0);
    await bed.publish('u1', volumeEvent(1));
    await waitFor(() => events.length === 1, 'the first event');

    await redis.stop();
    await waitFor(async () => (await gateway.gateway.health()).status === 'degraded', 'degraded health');
    await expect(gateway.gateway.health()).resolves.toMatchObject({ redis: 'down' });
    await expect(client.requestPlaybackSync()).resolves.toMatchObject({
      status: 'error',
      code: 'unavailable',
    });
    expect(gateway.logs.entries()).toContainEqual(
      expect.objectContaining({
        message: 'gateway heartbeat failed: shared stores unreachable',
        level: 'warn',
      }),
    );

    redis = await startThrowawayRedis({ appendOnly: true, dir, port: redis.port });
    await waitFor(async () => (await gateway.gateway.health()).status === 'ok', 'healthy again');
    // The adapter's subscriptions are back once Redis counts its patterns again.
    await waitFor(async () => (await bed.admin.pubsub('NUMPAT')) === patterns, 'the adapter re-subscribed');
    await bed.publish('u1', volumeEvent(2));
    await waitFor(() => events.length === 2, 'the event after the restart');

    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ volume: 1 }),
      expect.objectContaining({ volume: 2 }),
    ]);
    expect(client.socket.id).toBe(socketId);
    expect(states).toEqual([]);
    await expect(gateway.sockets.socketsOf('u1')).resolves.toEqual([socketId]);
    await expect(client.requestPlaybackSync()).resolves.toEqual({ playbackState: null });
  });
});
