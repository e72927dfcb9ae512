import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import type { Server } from 'socket.io';
import type { EventEnvelope, MusicEventName, UnpublishedEvent, UnpublishedPayload } from '../contract/events';
import { HintClient } from '../hints/hint-client';
import { createLogger, type Logger } from '../log/logger';
import { CallbackSink } from '../publish/callback-sink';
import { Publisher } from '../publish/publisher';
import { MUSIC_NAMESPACE } from '../publish/rooms';
import { systemRandom, type Random } from '../random/random';
import { isValidKeyPart } from '../store/key-part';
import { DEFAULT_KEY_PREFIX, storeKeys } from '../store/keys';
import { createMemoryStores } from '../store/memory/memory-stores';
import { createRedisStores } from '../store/redis/redis-stores';
import type { Stores } from '../store/stores';
import type { SessionResolver } from '../session/session-lookup';
import { createSessionStore, type SessionStore } from '../session/session-store';
import { StoreSessionResolver, type StoreSessionResolverOptions } from '../session/store-session-resolver';
import type { Clock } from '../time/clock';
import { systemClock } from '../time/system-clock';
import { RateLimiterCallLimiter } from './call-limiter';
import type { MusicGatewayHealth } from './gateway-health';
import { MemorySocketRegistry } from './memory-socket-registry';
import { MusicGateway } from './music-gateway';
import type { MusicServer } from './music-socket';
import { RedisSocketRegistry } from './redis-socket-registry';

/** What a host passes to an emit method: the payload without its id; `source` and `timestamp` may be left out. */
export type EmitPayload<K extends MusicEventName> = Omit<UnpublishedPayload<K>, 'source' | 'timestamp'> &
  Partial<Pick<EventEnvelope, 'source' | 'timestamp'>>;

export interface MusicWebSocketServiceOptions {
  /** Prefix of every Redis key (REDIS_KEY_PREFIX). Default `music:`. */
  prefix: string;
  /** How handshakes are authenticated, when the host has its own resolver. Either this or `session`. */
  sessions: SessionResolver;
  /**
   * Or read the host's express-session store (connect-redis format, in `redis`): the cookie secret, and the
   * key prefix (default `sess:`), user field (default `userId`) and cookie name (default `connect.sid`).
   */
  session: Partial<StoreSessionResolverOptions> &
    Pick<StoreSessionResolverOptions, 'secret'> & { prefix?: string };
  /** WEBSOCKET_MUSIC_MAX_CONNECTIONS_PER_USER. Default 5. */
  maxConnectionsPerUser: number;
  /** WEBSOCKET_MUSIC_EVENT_RATE_LIMIT: events sent and client calls per user per minute. Default 100. */
  eventRateLimit: number;
  /** WEBSOCKET_MUSIC_BUFFER_SIZE: events kept per user for replay. Default 50. */
  bufferSize: number;
  /** How long the hint recorded with an emitted event waits for the poller to see the change. Default 30 000. */
  announceTtlMs: number;
  /** Default: winston JSON on stderr at `info`, service `music`. */
  logger: Logger;
  /** Where the gateway and publisher metrics go. Default a registry of its own (`service.registry`). */
  registry: Registry;
  /** Default: this machine's name, pid and a random suffix. */
  gatewayId: string;
  /** Default 5000. */
  heartbeatIntervalMs: number;
  clock: Clock;
  random: Random;
}

/** Events a host announces that people cause, unless it says otherwise; `commandExecuted` reports the AI. */
const DEFAULT_SOURCE: Record<MusicEventName, 'user' | 'ai'> = {
  playbackStateChanged: 'user',
  trackChanged: 'user',
  queueUpdated: 'user',
  volumeChanged: 'user',
  deviceChanged: 'user',
  commandExecuted: 'ai',
  statusChanged: 'user',
};

/**
 * Library mode, as the seed imagined it (1.2/1.3): `/music` mounted on a host application's own Socket.IO
 * server, with the seed's emit methods. Each emit goes through the same publisher as the worker's events (id,
 * replay buffer, latest state) and records an announced hint (DESIGN section 2), so the poller's later sight
 * of the same change is recognised instead of emitted a second time.
 *
 * `redis` is the host's connection (the service never quits it); without one everything stays in this
 * process (`service.stores` is then what an in-process worker must share). Events reach the sockets through
 * the namespace itself, so a Redis adapter on the host's server carries them to its other processes.
 */
export class MusicWebSocketService {
  readonly stores: Stores;
  readonly publisher: Publisher;
  readonly hints: HintClient;
  readonly gateway: MusicGateway;
  readonly registry: Registry;
  /** The session store made for `session` options without Redis (for the host's express-session); else null. */
  readonly sessionStore: SessionStore | null;
  /** Settles once the gateway's first heartbeat has run. */
  readonly ready: Promise<void>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private closing: Promise<void> | null = null;

  constructor(
    io: Server | MusicServer,
    redis: Redis | null = null,
    options: Partial<MusicWebSocketServiceOptions> = {},
  ) {
    this.clock = options.clock ?? systemClock;
    // Checked before anything is built: a service without a way to authenticate sockets must not half-start.
    const { sessions, store } = sessionsFrom(redis, options, this.clock);
    this.sessionStore = store;
    const prefix = options.prefix ?? DEFAULT_KEY_PREFIX;
    const keys = storeKeys(prefix);
    const eventRateLimit = options.eventRateLimit ?? 100;
    this.logger = options.logger ?? createLogger({ level: 'info', service: 'music' });
    this.registry = options.registry ?? new Registry();
    const random = options.random ?? systemRandom();
    const bufferSize = options.bufferSize ?? 50;
    this.stores = redis
      ? createRedisStores(redis, { prefix, bufferSize })
      : createMemoryStores({ bufferSize });
    // Untyped here: the sink hands on payloads the publisher already typed.
    const namespace = (io as unknown as Server).of(MUSIC_NAMESPACE);
    const sink = new CallbackSink((room, event) => {
      namespace.to(room).emit(event.event, event.data);
    });
    this.publisher = new Publisher(
      { stores: this.stores, sink, clock: this.clock, registry: this.registry, log: this.logger },
      { eventsPerMinute: eventRateLimit },
    );
    this.hints = new HintClient(
      { stores: this.stores, publisher: this.publisher, clock: this.clock, random: random.fork('hints') },
      { announceTtlMs: options.announceTtlMs },
    );
    this.gateway = new MusicGateway(
      io as MusicServer,
      {
        stores: this.stores,
        sessions,
        sockets: redis ? new RedisSocketRegistry(redis, keys) : new MemorySocketRegistry(),
        calls: new RateLimiterCallLimiter(redis, { callsPerMinute: eventRateLimit, prefix }),
        clock: this.clock,
        logger: this.logger,
        registry: this.registry,
        ...(redis ? { ping: async () => (await redis.ping()) === 'PONG' } : {}),
      },
      {
        gatewayId: options.gatewayId ?? defaultGatewayId(random),
        maxConnectionsPerUser: options.maxConnectionsPerUser,
        heartbeatIntervalMs: options.heartbeatIntervalMs,
        closeTransport: false,
      },
    );
    this.ready = this.gateway.start();
  }

  emitPlaybackStateChange(userId: string, data: EmitPayload<'playbackStateChanged'>): Promise<void> {
    return this.emit(userId, 'playbackStateChanged', data);
  }

  emitTrackChange(userId: string, data: EmitPayload<'trackChanged'>): Promise<void> {
    return this.emit(userId, 'trackChanged', data);
  }

  emitQueueUpdate(userId: string, data: EmitPayload<'queueUpdated'>): Promise<void> {
    return this.emit(userId, 'queueUpdated', data);
  }

  emitCommandExecuted(userId: string, data: EmitPayload<'commandExecuted'>): Promise<void> {
    return this.emit(userId, 'commandExecuted', data);
  }

  emitVolumeChanged(userId: string, data: EmitPayload<'volumeChanged'>): Promise<void> {
    return this.emit(userId, 'volumeChanged', data);
  }

  emitDeviceChange(userId: string, data: EmitPayload<'deviceChanged'>): Promise<void> {
    return this.emit(userId, 'deviceChanged', data);
  }

  /** Sockets connected to `/music` in this process. */
  getConnectionCount(): number {
    return this.gateway.connectionCount();
  }

  /** Of those, the ones subscribed to their listener's playback. */
  getSubscriptionCount(): number {
    return this.gateway.subscriptionCount();
  }

  health(): Promise<MusicGatewayHealth> {
    return this.gateway.health();
  }

  /** Disconnects the `/music` sockets (the host's other namespaces stay), sends what is queued, stops. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.ready;
      await this.gateway.close('service_closed');
      await this.publisher.close();
      await this.stores.close();
    })();
    return this.closing;
  }

  private async emit<K extends MusicEventName>(
    userId: string,
    event: K,
    data: EmitPayload<K>,
  ): Promise<void> {
    const payload = { source: DEFAULT_SOURCE[event], timestamp: this.clock.now(), ...data };
    this.logger.debug('emitting a host event', { userId, event });
    await this.hints.announce(userId, { event, data: payload } as unknown as UnpublishedEvent);
  }
}

function sessionsFrom(
  redis: Redis | null,
  options: Partial<MusicWebSocketServiceOptions>,
  clock: Clock,
): { sessions: SessionResolver; store: SessionStore | null } {
  if (options.sessions) return { sessions: options.sessions, store: null };
  if (!options.session) {
    throw new RangeError(
      'MusicWebSocketService needs `sessions` (a SessionResolver) or `session: {secret, ...}` to authenticate sockets',
    );
  }
  const { prefix, ...resolverOptions } = options.session;
  const store = createSessionStore(redis, prefix ?? 'sess:', clock);
  return {
    sessions: new StoreSessionResolver(store, resolverOptions, clock),
    store: redis === null ? store : null,
  };
}

function defaultGatewayId(random: Random): string {
  const id = `music-${hostname()}-${process.pid}-${random.int(2 ** 31).toString(36)}`.replace(
    /[^A-Za-z0-9._@+=-]/g,
    '-',
  );
  return isValidKeyPart(id) ? id : `music-${process.pid}-${random.int(2 ** 31).toString(36)}`;
}
