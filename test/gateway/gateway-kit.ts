import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { sign } from 'cookie-signature';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { Server } from 'socket.io';
import { MusicClient, type MusicClientOptions } from '../../lib/client';
import type { MusicEvent, UnpublishedEvent } from '../../lib/contract/events';
import type { MusicErrorCode } from '../../lib/contract/protocol';
import {
  createRedisAdapter,
  createSocketRegistry,
  MusicGateway,
  musicServerOptions,
  OriginGuard,
  RateLimiterCallLimiter,
  type MusicGatewayOptions,
  type MusicServer,
  type SocketRegistry,
} from '../../lib/gateway';
import { createLogger, type Logger } from '../../lib/log/logger';
import { Publisher, RedisEmitterSink } from '../../lib/publish';
import { RedisSessionStore, StoreSessionResolver } from '../../lib/session';
import { createRedisStores, type Stores } from '../../lib/store';
import { systemClock } from '../../lib/time/system-clock';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';
import { namedStep } from '../support/named-step';

export const SECRET = 'gateway-test-secret';
export const COOKIE_NAME = 'connect.sid';

export interface LogCapture {
  logger: Logger;
  /** Every entry written so far, parsed. */
  entries(): Record<string, unknown>[];
  /** Everything written so far, as text. */
  text(): string;
}

export function captureLogs(): LogCapture {
  const stream = new PassThrough();
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return {
    logger: createLogger({ level: 'debug', service: 'web', stream }),
    entries: () =>
      written
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written,
  };
}

/** Resolves once `condition()` holds, checking every 10 ms; rejects naming `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface GatewayOptions extends Partial<MusicGatewayOptions> {
  callsPerMinute?: number;
  allowedOrigins?: string[];
}

/** One gateway process: its own Redis connections, stores, adapter, Socket.IO server on port 0, logs, metrics. */
export interface GatewayProcess {
  url: string;
  io: MusicServer;
  gateway: MusicGateway;
  metrics: Registry;
  logs: LogCapture;
  stores: Stores;
  sockets: SocketRegistry;
  redis: Redis;
  close(): Promise<void>;
}

/**
 * Gateways over the test run's Redis under a prefix (and adapter key) of their own, the web app's sessions,
 * a publisher as the worker has it (RedisEmitterSink), and MusicClients; `dispose` closes all of it.
 */
export class GatewayTestbed {
  readonly prefix = uniquePrefix('test-gw');
  readonly adapterKey = `test-gw-${randomUUID()}`;
  readonly admin: Redis;
  readonly sessions: RedisSessionStore;
  readonly stores: Stores;
  readonly publisher: Publisher;
  private readonly processes: GatewayProcess[] = [];
  private readonly clients: MusicClient[] = [];

  constructor(
    readonly bufferSize = 50,
    private readonly redisUrl = testRedisUrl(),
  ) {
    this.admin = new Redis(redisUrl);
    this.sessions = new RedisSessionStore(this.admin, `${this.prefix}sess:`);
    this.stores = createRedisStores(this.admin, { prefix: this.prefix, bufferSize });
    this.publisher = new Publisher(
      {
        stores: this.stores,
        sink: new RedisEmitterSink(this.admin, { key: this.adapterKey }),
        clock: systemClock,
        registry: new Registry(),
        log: { warn: () => undefined },
      },
      { eventsPerMinute: 100_000 },
    );
  }

  async startGateway(options: GatewayOptions = {}): Promise<GatewayProcess> {
    const { callsPerMinute = 100, allowedOrigins = [], ...gatewayOptions } = options;
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    const stores = createRedisStores(redis, { prefix: this.prefix, bufferSize: this.bufferSize });
    const adapter = createRedisAdapter(redis, { key: this.adapterKey });
    const origins = new OriginGuard(allowedOrigins);
    const http: HttpServer = createServer();
    const io: MusicServer = new Server(http, { ...musicServerOptions(origins), adapter: adapter.adapter });
    const logs = captureLogs();
    const metrics = new Registry();
    const sockets = createSocketRegistry(redis, this.prefix);
    const gateway = new MusicGateway(
      io,
      {
        stores,
        sessions: new StoreSessionResolver(new RedisSessionStore(redis, `${this.prefix}sess:`), {
          secret: SECRET,
        }),
        sockets,
        calls: new RateLimiterCallLimiter(redis, { callsPerMinute, prefix: this.prefix }),
        clock: systemClock,
        logger: logs.logger,
        registry: metrics,
        origins,
        ping: async () => (await redis.ping()) === 'PONG',
      },
      { gatewayId: `gw-${this.processes.length + 1}`, heartbeatIntervalMs: 200, ...gatewayOptions },
    );
    await gateway.start();
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    let closing: Promise<void> | null = null;
    const running: GatewayProcess = {
      url: `http://127.0.0.1:${port}`,
      io,
      gateway,
      metrics,
      logs,
      stores,
      sockets,
      redis,
      close: () =>
        (closing ??= (async () => {
          await namedStep('gateway.close', () => gateway.close());
          await namedStep('io.close', () => new Promise<void>((resolve) => io.close(() => resolve())));
          await namedStep('adapter.close', () => adapter.close());
          await namedStep('stores.close', () => stores.close());
          if (redis.status !== 'end') await redis.quit().catch(() => redis.disconnect());
        })()),
    };
    this.processes.push(running);
    return running;
  }

  /** Stores a signed-in session as express-session would, and returns its id. */
  async signIn(userId: string, expiresInMs = 3_600_000): Promise<string> {
    const sid = randomUUID();
    const expires = new Date(systemClock.now() + expiresInMs).toISOString();
    await this.admin.set(
      `${this.prefix}sess:${sid}`,
      JSON.stringify({ cookie: { originalMaxAge: expiresInMs, expires, httpOnly: true, path: '/' }, userId }),
      'EX',
      3600,
    );
    return sid;
  }

  /** The Cookie header a browser signed in with `sid` sends. */
  cookieFor(sid: string, secret = SECRET): string {
    return `${COOKIE_NAME}=${encodeURIComponent(`s:${sign(sid, secret)}`)}`;
  }

  client(url: string, options: Omit<MusicClientOptions, 'url'> = {}): MusicClient {
    const client = new MusicClient({
      url,
      ...options,
      socketOptions: {
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 200,
        ...options.socketOptions,
      },
    });
    this.clients.push(client);
    return client;
  }

  /** A client of `userId` (signed in now), connected and subscribed. */
  async subscribedClient(url: string, userId: string, options: Omit<MusicClientOptions, 'url'> = {}) {
    const sessionId = await this.signIn(userId);
    const client = this.client(url, { sessionId, autoSubscribe: false, ...options });
    await connected(client);
    const ack = await client.subscribe();
    expect(ack).toMatchObject({ status: 'subscribed' });
    return client;
  }

  publish(userId: string, ...events: UnpublishedEvent[]): Promise<void> {
    return this.publisher.publish(userId, events);
  }

  async dispose(): Promise<void> {
    for (const client of this.clients) client.close();
    for (const running of this.processes) await running.close();
    await namedStep('publisher.close', () => this.publisher.close());
    await namedStep('stores.close', () => this.stores.close());
    await namedStep('deleteKeys', () => deleteKeys(this.admin, this.prefix));
    await this.admin.quit();
  }
}

/** Resolves when the client is connected; rejects with the refusal when the gateway refuses it. */
export function connected(client: MusicClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const { state } = client;
      if (state.status === 'connected') resolve();
      else if (state.status === 'refused') reject(new Error(`refused: ${state.code}: ${state.message}`));
      else return false;
      stop();
      return true;
    };
    const stop = client.onStateChange(() => void check());
    check();
  });
}

/** The refusal a client's handshake got. */
export function refusal(client: MusicClient): Promise<{ code: MusicErrorCode | 'unknown'; message: string }> {
  return new Promise((resolve, reject) => {
    const stop = client.onStateChange((state) => {
      if (state.status === 'refused') {
        stop();
        resolve({ code: state.code, message: state.message });
      } else if (state.status === 'connected') {
        stop();
        reject(new Error('connected instead of being refused'));
      }
    });
  });
}

/** Every event the client delivers, in order. */
export function received(client: MusicClient): MusicEvent[] {
  const events: MusicEvent[] = [];
  client.onAny((event) => events.push(event));
  return events;
}

/** A volumeChanged carrying `volume` (a payload that says whose it is and which one). */
export function volumeEvent(volume: number, timestamp = systemClock.now()): UnpublishedEvent {
  return {
    event: 'volumeChanged',
    data: { volume, device: 'Phone', deviceId: 'phone-1', source: 'user', timestamp },
  };
}

/** The value of one metric series, or 0 when it was never set. */
export async function metricValue(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  const match = values.find((value) =>
    Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted),
  );
  return match?.value ?? 0;
}
