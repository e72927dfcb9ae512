import type { MusicErrorAck } from '../contract/protocol';
import { MUSIC_NAMESPACE } from '../publish/rooms';
import type { CallPermit } from './call-limiter';
import { CALL_REFUSALS, isMusicCall } from './call-refusals';
import { ConnectionRefusedError } from './connection-refused-error';
import { withDeadline } from './deadline';
import { errorFields } from '../log/error-fields';
import type { GatewayContext } from './gateway-context';
import type { MusicGatewayDeps } from './gateway-deps';
import type { MusicGatewayHealth } from './gateway-health';
import { GatewayHeartbeat } from './gateway-heartbeat';
import { GatewayMetrics } from './gateway-metrics';
import { gatewayClosingNotice } from './gateway-notice';
import { resolveGatewayOptions, type MusicGatewayOptions } from './gateway-options';
import { parseHandshake } from './handshake';
import { LocalSockets } from './local-sockets';
import type { CallAnswer, MusicNamespace, MusicServer, MusicServerSocket } from './music-socket';
import { PlaybackCalls } from './playback-calls';
import type { SocketEntry } from './socket-registry';

/** The longest a health check waits for Redis to answer a PING. */
const PING_TIMEOUT_MS = 1000;

/**
 * The `/music` namespace on a Socket.IO server (DESIGN sections 1 and 5): authenticates each handshake
 * against the web app's sessions, holds every user to the per-user cap across gateways (the socket registry),
 * limits client calls per user, and answers the calls (`playback-calls.ts`). Events themselves never pass
 * through it: publishers emit to the user's room and the adapter writes them to the sockets.
 *
 * A heartbeat (`gateway-heartbeat.ts`) keeps the gateway alive in the registry, sweeps dead gateways and keeps
 * subscribed users active. While Redis is away the gateway keeps its sockets, answers `unavailable` where it
 * needs the store, reports itself degraded, and carries on when Redis returns. `close()` is idempotent.
 */
export class MusicGateway {
  readonly options: Readonly<MusicGatewayOptions>;
  private readonly context: GatewayContext;
  private readonly namespace: MusicNamespace;
  private readonly local = new LocalSockets();
  private readonly metrics: GatewayMetrics;
  private readonly calls: PlaybackCalls;
  private readonly heartbeat: GatewayHeartbeat;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly startedAt: number;
  private readonly stopOriginListener: () => void;
  private started = false;
  private closing: Promise<void> | null = null;

  /** Mounts `/music` on `io` at once; `start()` begins the heartbeat. */
  constructor(
    io: MusicServer,
    private readonly deps: MusicGatewayDeps,
    options: Partial<MusicGatewayOptions> & Pick<MusicGatewayOptions, 'gatewayId'>,
  ) {
    this.options = resolveGatewayOptions(options);
    this.metrics = new GatewayMetrics(deps.registry);
    this.startedAt = deps.clock.now();
    this.context = {
      deps,
      options: this.options,
      metrics: this.metrics,
      local: this.local,
      store: (what, work) => withDeadline(deps.clock, this.options.storeTimeoutMs, what, work),
      track: (work) => this.track(work),
    };
    this.calls = new PlaybackCalls(this.context);
    this.heartbeat = new GatewayHeartbeat(this.context);
    this.namespace = io.of(MUSIC_NAMESPACE) as unknown as MusicNamespace;
    this.namespace.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => next(this.refusal(socket, error)),
      );
    });
    this.namespace.on('connection', (socket) => this.onConnection(socket));
    this.stopOriginListener =
      deps.origins?.onRefused((origin) => {
        this.metrics.failedAuthentications.inc({ code: 'origin_not_allowed' });
        this.deps.logger.warn('music handshake refused', { refusal: 'origin_not_allowed', origin });
      }) ?? (() => undefined);
  }

  get gatewayId(): string {
    return this.options.gatewayId;
  }

  /** Sockets connected here. */
  connectionCount(): number {
    return this.local.connections;
  }

  /** Sockets here subscribed to their listener's playback. */
  subscriptionCount(): number {
    return this.local.subscriptions;
  }

  /** The first heartbeat (and a sweep of dead gateways), then one every `heartbeatIntervalMs`. */
  async start(): Promise<void> {
    if (this.started) throw new Error('MusicGateway.start: already started');
    if (this.closing !== null) throw new Error('MusicGateway.start: already closed');
    this.started = true;
    await this.heartbeat.start();
  }

  async health(): Promise<MusicGatewayHealth> {
    const { clock, ping } = this.deps;
    const redisUp = ping
      ? await withDeadline(clock, PING_TIMEOUT_MS, 'Redis PING', ping()).catch(() => false)
      : null;
    const problems: string[] = [];
    if (redisUp === false) problems.push('Redis does not answer');
    if (!this.heartbeat.reachable) problems.push('the last heartbeat could not reach the shared stores');
    const status = this.closing !== null ? 'stopping' : problems.length > 0 ? 'degraded' : 'ok';
    return {
      status,
      gatewayId: this.gatewayId,
      redis: redisUp === null ? 'not_used' : redisUp ? 'up' : 'down',
      connections: this.local.connections,
      subscriptions: this.local.subscriptions,
      lastHeartbeatAt: this.heartbeat.lastBeatAt,
      uptimeSeconds: Math.floor((clock.now() - this.startedAt) / 1000),
      problems,
    };
  }

  /**
   * Stops accepting handshakes, tells each socket why (a `statusChanged` with `reason`), disconnects them,
   * removes this gateway and its sockets from the registry and stops the heartbeat. Idempotent.
   * `reason` is a word a client may branch on, e.g. `gateway_shutdown`.
   */
  close(reason = 'gateway_shutdown'): Promise<void> {
    this.closing ??= this.shutDown(reason);
    return this.closing;
  }

  private async shutDown(reason: string): Promise<void> {
    const { clock, logger, sockets } = this.deps;
    await this.heartbeat.stop();
    const open = [...this.namespace.sockets.values()];
    const gone = Promise.all(
      open.map((socket) => new Promise<void>((resolve) => socket.once('disconnect', () => resolve()))),
    );
    const notice = gatewayClosingNotice(reason, clock.now());
    for (const socket of open) {
      socket.emit('statusChanged', notice);
      if (this.options.closeTransport) socket.conn.close();
      else socket.disconnect();
    }
    await this.context.store('sockets closing', gone).catch(() => undefined);
    await Promise.allSettled([...this.pending]);
    try {
      await this.context.store('socket registry', sockets.removeGateway(this.gatewayId));
    } catch (error) {
      logger.warn('music gateway closed without clearing its registry entries; another gateway sweeps them', {
        gatewayId: this.gatewayId,
        ...errorFields(error),
      });
    }
    this.stopOriginListener();
    this.metrics.connections.set(0);
    this.metrics.subscriptions.set(0);
    logger.info('music gateway closed', { gatewayId: this.gatewayId, reason, sockets: open.length });
  }

  // --- handshake ---------------------------------------------------------------------------------------

  private async admit(socket: MusicServerSocket): Promise<void> {
    if (this.closing !== null) {
      throw new ConnectionRefusedError(
        'unavailable',
        'This gateway is shutting down; reconnect in a moment.',
      );
    }
    const handshake = parseHandshake(socket.handshake.auth, socket.handshake.headers.cookie);
    if (!handshake.ok) throw new ConnectionRefusedError('bad_request', handshake.message);
    const lookup = await this.context.store(
      'session store',
      this.deps.sessions.resolve(handshake.credentials),
    );
    if (lookup.status === 'refused') throw new ConnectionRefusedError(lookup.code, lookup.message);
    const entry: SocketEntry = { userId: lookup.userId, socketId: socket.id, gatewayId: this.gatewayId };
    await this.register(entry);
    // socket.io drops a socket whose connection closed during the handshake without a `disconnect` event, so
    // its registry entry would never be removed. Checked in the same tick as socket.io checks it.
    if (socket.conn.readyState !== 'open' || this.closing !== null) {
      await this.deps.sockets.remove(entry).catch(() => undefined);
      throw new ConnectionRefusedError('unavailable', 'The connection closed during the handshake.');
    }
    socket.data = { userId: entry.userId, lastEventId: handshake.lastEventId, subscribed: false };
    this.local.add(entry);
  }

  private async register(entry: SocketEntry): Promise<void> {
    const { sockets, clock } = this.deps;
    const { store } = this.context;
    const max = this.options.maxConnectionsPerUser;
    const add = () => sockets.add(entry, max, clock.now() + this.options.heartbeatTtlMs);
    let result = await store('socket registry', add());
    if (!result.added) {
      // The user's slots may be held by a gateway that died since the last sweep.
      const swept = await store('socket registry', sockets.sweep(clock.now()));
      if (swept.length > 0) result = await store('socket registry', add());
    }
    if (!result.added) {
      throw new ConnectionRefusedError(
        'too_many_connections',
        `This listener already has ${max} connections open, the most allowed; close one to open another.`,
      );
    }
  }

  private refusal(socket: MusicServerSocket, error: unknown): ConnectionRefusedError {
    const refused =
      error instanceof ConnectionRefusedError
        ? error
        : new ConnectionRefusedError(
            'unavailable',
            'The gateway cannot reach its store right now; try again in a few seconds.',
          );
    this.metrics.failedAuthentications.inc({ code: refused.code });
    const fields = { refusal: refused.code, address: socket.handshake.address, gatewayId: this.gatewayId };
    if (refused === error) this.deps.logger.warn('music handshake refused', fields);
    else this.deps.logger.error('music handshake failed', { ...fields, ...errorFields(error) });
    return refused;
  }

  // --- connected sockets ---------------------------------------------------------------------------------

  private onConnection(socket: MusicServerSocket): void {
    const { userId } = socket.data;
    this.metrics.connections.set(this.local.connections);
    this.deps.logger.info('music client connected', {
      userId,
      socketId: socket.id,
      gatewayId: this.gatewayId,
    });
    socket.onAny((event: string, ...args: unknown[]) => this.track(this.dispatch(socket, event, args)));
    socket.on('disconnect', (reason) => this.onDisconnect(socket, reason));
  }

  private onDisconnect(socket: MusicServerSocket, reason: string): void {
    const entry = this.local.remove(socket.id);
    this.metrics.connections.set(this.local.connections);
    this.metrics.subscriptions.set(this.local.subscriptions);
    if (!entry) return;
    this.deps.logger.info('music client disconnected', {
      userId: entry.userId,
      socketId: socket.id,
      gatewayId: this.gatewayId,
      reason,
    });
    this.track(
      this.deps.sockets.remove(entry).catch((error: unknown) =>
        this.deps.logger.warn('socket registry entry not removed; a sweep removes it later', {
          userId: entry.userId,
          ...errorFields(error),
        }),
      ),
    );
  }

  /** Every client call: the per-user limit first (a flood of junk counts too), then the call's shape, then the call. */
  private async dispatch(socket: MusicServerSocket, event: string, args: unknown[]): Promise<void> {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (answer: CallAnswer) => void) : null;
    const call = isMusicCall(event) ? event : null;
    const label = call ?? 'unknown';
    const refuse = (answer: MusicErrorAck) => {
      this.metrics.refusedCalls.inc({ call: label, code: answer.code });
      this.deps.logger.debug('music call refused', {
        userId: socket.data.userId,
        call: label,
        refusal: answer.code,
      });
      ack?.(answer);
    };
    const permit = await this.permit(socket.data.userId);
    if (!permit.allowed) {
      return refuse(CALL_REFUSALS.rateLimited(this.deps.calls.callsPerMinute, permit.retryAfterMs));
    }
    if (call === null) return refuse(CALL_REFUSALS.unknownCall(event));
    if (ack === null || args.length !== 1) return refuse(CALL_REFUSALS.withArguments(call));
    if (this.closing !== null) return refuse(CALL_REFUSALS.closing());
    if (!socket.connected) return;
    try {
      ack(await this.calls.answer(socket, call));
    } catch (error) {
      this.deps.logger.error('music call failed', {
        userId: socket.data.userId,
        call,
        ...errorFields(error),
      });
      refuse(CALL_REFUSALS.unavailable());
    }
  }

  private async permit(userId: string): Promise<CallPermit> {
    try {
      return await this.context.store('call limiter', this.deps.calls.take(userId));
    } catch (error) {
      // Limiting protects the gateway; refusing every call because the counter is unreachable would not.
      this.deps.logger.warn('call limit not checked', { userId, ...errorFields(error) });
      return { allowed: true };
    }
  }

  private track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      (error: unknown) => this.deps.logger.error('music gateway task failed', errorFields(error)),
    );
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
  }
}
