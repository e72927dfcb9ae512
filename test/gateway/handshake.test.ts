import { io as rawClient } from 'socket.io-client';
import {
  connected,
  GatewayTestbed,
  metricValue,
  refusal,
  SECRET,
  waitFor,
  type GatewayProcess,
} from './gateway-kit';

/** Every refusal is a connect_error whose message is a sentence and whose data carries the code. */
describe('gateway handshake: who may connect (real Redis, Socket.IO and socket.io-client)', () => {
  let bed: GatewayTestbed;
  let gateway: GatewayProcess;

  beforeEach(async () => {
    bed = new GatewayTestbed();
    gateway = await bed.startGateway({ allowedOrigins: ['https://app.example.com'] });
  });

  afterEach(async () => {
    await bed.dispose();
  });

  /** The gateway still admits a good client and answers its calls. */
  async function expectUnharmed(target = gateway): Promise<void> {
    const client = await bed.subscribedClient(target.url, 'healthy-user');
    await expect(client.requestPlaybackSync()).resolves.toEqual({ playbackState: null });
    client.close();
  }

  it('admits a session id and a signed session cookie, and knows whose socket it is', async () => {
    const byId = bed.client(gateway.url, { sessionId: await bed.signIn('u1'), autoSubscribe: false });
    const sid = await bed.signIn('u2');
    const byCookie = bed.client(gateway.url, {
      autoSubscribe: false,
      socketOptions: { extraHeaders: { cookie: bed.cookieFor(sid) } },
    });
    await connected(byId);
    await connected(byCookie);
    await waitFor(() => gateway.gateway.connectionCount() === 2, 'two connections');
    await expect(gateway.sockets.socketsOf('u1')).resolves.toEqual([byId.socket.id]);
    await expect(gateway.sockets.userOf(byCookie.socket.id as string)).resolves.toBe('u2');
  });

  it.each<[string, () => Promise<Record<string, unknown>>, string, RegExp]>([
    ['no session at all', async () => ({}), 'unauthenticated', /sign in first/],
    [
      'an unknown session id',
      async () => ({ sessionId: 'no-such-session' }),
      'unauthenticated',
      /does not exist/,
    ],
    [
      'an expired session',
      async () => ({ sessionId: await bed.signIn('u1', -1000) }),
      'session_expired',
      /has expired/,
    ],
    [
      'a cookie signed with another secret',
      async () => ({ cookie: bed.cookieFor(await bed.signIn('u1'), 'not-the-secret') }),
      'unauthenticated',
      /signature does not match/,
    ],
    [
      'a lastEventId that is no event id',
      async () => ({ lastEventId: 'yesterday' }),
      'bad_request',
      /lastEventId/,
    ],
  ])('refuses %s clearly, never naming the session id', async (_what, credentials, code, message) => {
    const { cookie, ...auth } = await credentials();
    const sessionId = typeof auth.sessionId === 'string' ? auth.sessionId : undefined;
    const client = bed.client(gateway.url, {
      ...(sessionId === undefined ? {} : { sessionId }),
      ...(typeof auth.lastEventId === 'string' ? { lastEventId: auth.lastEventId } : {}),
      socketOptions: typeof cookie === 'string' ? { extraHeaders: { cookie } } : {},
    });
    const refused = await refusal(client);
    expect(refused.code).toBe(code);
    expect(refused.message).toMatch(message);
    expect(refused.message).toMatch(/\.$/);
    if (sessionId !== undefined) {
      expect(refused.message).not.toContain(sessionId);
      expect(gateway.logs.text()).not.toContain(sessionId);
    }
    expect(gateway.logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'music handshake refused', refusal: code }),
    );
    await expect(
      metricValue(gateway.metrics, 'music_ws_failed_authentications_total', { code }),
    ).resolves.toBe(1);
    expect(gateway.gateway.connectionCount()).toBe(0);
    await expectUnharmed();
  });

  it('refuses a browser from an origin not allowed before any handshake, and admits listed and same origins', async () => {
    const refused = await fetch(`${gateway.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { message: string };
    expect(body.message).toMatch(/origin https:\/\/evil\.example are not allowed/);
    await expect(
      metricValue(gateway.metrics, 'music_ws_failed_authentications_total', { code: 'origin_not_allowed' }),
    ).resolves.toBe(1);

    const sid = await bed.signIn('u1');
    for (const origin of ['https://app.example.com', gateway.url]) {
      const client = bed.client(gateway.url, {
        sessionId: sid,
        autoSubscribe: false,
        socketOptions: { extraHeaders: { origin } },
      });
      await connected(client);
      client.close();
    }
    const evil = rawClient(`${gateway.url}/music`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { sessionId: sid },
      extraHeaders: { origin: 'https://evil.example' },
    });
    const error = await new Promise<Error>((resolve) => evil.once('connect_error', resolve));
    evil.close();
    expect(error.message).toBe('websocket error');
    await expectUnharmed();
  });

  it('refuses the 6th connection of a user across two gateways, and admits one again once a slot is free', async () => {
    const other = await bed.startGateway();
    const sid = await bed.signIn('u1');
    const open = [];
    for (const target of [gateway, gateway, gateway, other, other]) {
      const client = bed.client(target.url, { sessionId: sid, autoSubscribe: false });
      await connected(client);
      open.push(client);
    }
    const sixth = bed.client(other.url, { sessionId: sid, autoSubscribe: false });
    const refused = await refusal(sixth);
    expect(refused).toEqual({
      code: 'too_many_connections',
      message: 'This listener already has 5 connections open, the most allowed; close one to open another.',
    });
    await expect(gateway.sockets.socketsOf('u1')).resolves.toHaveLength(5);

    open[0]!.close();
    await waitFor(async () => (await gateway.sockets.socketsOf('u1')).length === 4, 'a free slot');
    const again = bed.client(other.url, { sessionId: sid, autoSubscribe: false });
    await connected(again);
    await expect(gateway.sockets.connectionCount()).resolves.toBe(5);
    await expectUnharmed(other);
  });

  it('closes the connection of a client that sends more than 64 KB, and nobody else notices', async () => {
    const bystander = await bed.subscribedClient(gateway.url, 'u2');
    const sid = await bed.signIn('u1');
    const sender = bed.client(gateway.url, {
      sessionId: sid,
      autoSubscribe: false,
      socketOptions: { reconnection: false },
    });
    await connected(sender);
    const disconnected = new Promise<string>((resolve) => sender.socket.once('disconnect', resolve));
    const raw = sender.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    raw.emit('requestPlaybackSync', 'x'.repeat(70 * 1024));
    await expect(disconnected).resolves.toMatch(/transport (close|error)/);
    await waitFor(async () => (await gateway.sockets.socketsOf('u1')).length === 0, 'the entry removed');
    expect(bystander.state.status).toBe('connected');
    await expect(bystander.requestPlaybackSync()).resolves.toEqual({ playbackState: null });
    await expectUnharmed();
  });

  it('never writes a session id or cookie into the logs', async () => {
    const sid = await bed.signIn('u1');
    const client = bed.client(gateway.url, {
      autoSubscribe: false,
      socketOptions: { extraHeaders: { cookie: bed.cookieFor(sid) } },
    });
    await connected(client);
    client.close();
    await waitFor(
      () => gateway.logs.entries().some((entry) => entry.message === 'music client disconnected'),
      'the disconnection logged',
    );
    expect(gateway.logs.entries()).toContainEqual(
      expect.objectContaining({ message: 'music client connected', userId: 'u1', gatewayId: 'gw-1' }),
    );
    expect(gateway.logs.text()).not.toContain(sid);
    expect(gateway.logs.text()).not.toContain(SECRET);
  });
});
