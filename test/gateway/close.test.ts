import type { MusicConnectionState } from '../../lib/client';
import { connected, GatewayTestbed, received, waitFor } from './gateway-kit';

describe('closing a gateway (real Redis)', () => {
  let bed: GatewayTestbed;

  beforeEach(() => {
    bed = new GatewayTestbed();
  });

  afterEach(async () => {
    await bed.dispose();
  });

  it('tells each socket why, lets the clients reconnect elsewhere, clears the registry, and is idempotent', async () => {
    const gateway = await bed.startGateway();
    const subscribed = await bed.subscribedClient(gateway.url, 'u1');
    const idle = bed.client(gateway.url, { sessionId: await bed.signIn('u2'), autoSubscribe: false });
    await connected(idle);
    const events = [received(subscribed), received(idle)];
    const states: MusicConnectionState[] = [];
    subscribed.onStateChange((state) => states.push(state));
    await expect(gateway.sockets.connectionCount()).resolves.toBe(2);

    const closing = gateway.gateway.close('gateway_shutdown');
    expect(gateway.gateway.close('another reason')).toBe(closing);
    await closing;

    for (const each of events) {
      expect(each).toEqual([
        {
          event: 'statusChanged',
          data: expect.objectContaining({ status: 'degraded', reason: 'gateway_shutdown', source: 'auto' }),
        },
      ]);
    }
    // The transport closed, so socket.io-client tries again; this gateway no longer admits anyone.
    await waitFor(() => states.some((state) => state.status === 'refused'), 'the reconnect refused');
    expect(states[0]).toEqual({ status: 'disconnected', reason: 'transport close' });
    expect(states.at(-1)).toMatchObject({ status: 'refused', code: 'unavailable' });
    await expect(gateway.sockets.connectionCount()).resolves.toBe(0);
    await expect(gateway.sockets.socketsOf('u1')).resolves.toEqual([]);
    await expect(bed.admin.zscore(`${bed.prefix}ws:gateways`, 'gw-1')).resolves.toBeNull();
    await expect(gateway.gateway.health()).resolves.toMatchObject({ status: 'stopping', connections: 0 });
    expect(gateway.logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'music gateway closed', reason: 'gateway_shutdown', sockets: 2 }),
    );
  });

  it('reports itself healthy while it runs', async () => {
    const gateway = await bed.startGateway();
    await bed.subscribedClient(gateway.url, 'u1');
    await expect(gateway.gateway.health()).resolves.toEqual({
      status: 'ok',
      gatewayId: 'gw-1',
      redis: 'up',
      connections: 1,
      subscriptions: 1,
      lastHeartbeatAt: expect.any(Number),
      uptimeSeconds: expect.any(Number),
      problems: [],
    });
  });
});
