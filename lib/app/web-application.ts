import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { createAuthRouter, logoutRouter } from '../auth';
import type { Config } from '../config';
import { createDemoRouter, type DemoWorld } from '../demo';
import { createSocketRegistry, MusicGateway, RateLimiterCallLimiter } from '../gateway';
import type { HintClient } from '../hints';
import type { Logger } from '../log/logger';
import type { Random } from '../random/random';
import type { SessionStore, StoreSessionResolver } from '../session';
import type { SpotifyAccountsClient, SpotifyApiClient } from '../spotify';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import type { TokenManager } from '../tokens';
import {
  controlRouter,
  devicesRouter,
  healthRouter,
  internalRouter,
  metricsRouter,
  playbackRouter,
  HttpProblem,
  sendProblem,
  tuningRouter,
} from '../web';
import { opsRouter, type WorkerStatus } from '../ops';
import { webClientRouter } from './web-client-router';
import type { WebShell } from './web-shell';

export interface WebApplicationDeps {
  /** The HTTP server and Socket.IO server to mount on (`createWebShell`). */
  shell: WebShell;
  config: Readonly<Config>;
  logger: Logger;
  clock: Clock;
  random: Random;
  stores: Stores;
  /** The shared Redis (adapter, socket registry, call limiter, health), or null for one process in memory. */
  redis: Redis | null;
  sessions: { store: SessionStore; resolver: StoreSessionResolver; middleware: RequestHandler };
  spotify: SpotifyApiClient;
  accounts: SpotifyAccountsClient;
  tokens: TokenManager;
  /** Built over the process's Publisher (whose sink is `emitToRoom` of this application). */
  hints: HintClient;
  registry: Registry;
  /** The demo's world: mounts `/demo/*` (demo mode only). */
  demo: DemoWorld | null;
  /** Unique among live gateways. */
  gatewayId: string;
  /** ADMIN_TOKEN (the ops page and tuning), or the demo's throw-away one; null disables them. */
  adminToken: string | null;
  /** The live workers' latest statuses, for the ops page. */
  workerStatuses: (now: number) => Promise<WorkerStatus[]>;
}

export interface WebApplication extends WebShell {
  /** Null when WEBSOCKET_MUSIC_ENABLED=false. */
  gateway: MusicGateway | null;
  /** Listens on `port` (0: a free one) and starts the gateway's heartbeat; resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, closes every socket with a reason, the adapter and the HTTP server; idempotent. */
  close(): Promise<void>;
}

/**
 * The web process's HTTP server: the web client, the `/music` gateway on Socket.IO (with the Redis adapter when
 * there is Redis), the session-authenticated API and control routes, health, metrics, the internal hint intake
 * and tuning, the ops overview, and — by mode — the demo routes or Spotify sign-in.
 */
export function createWebApplication(deps: WebApplicationDeps): WebApplication {
  const { config, logger, clock, stores, redis } = deps;
  const { app, httpServer, io, origins } = deps.shell;
  const ping = redis === null ? undefined : async () => (await redis.ping()) === 'PONG';
  const gateway = config.websocket.enabled
    ? new MusicGateway(
        io,
        {
          stores,
          sessions: deps.sessions.resolver,
          sockets: createSocketRegistry(redis, config.redis.prefix),
          calls: new RateLimiterCallLimiter(redis, {
            callsPerMinute: config.websocket.eventRateLimit,
            prefix: config.redis.prefix,
          }),
          clock,
          logger,
          registry: deps.registry,
          origins,
          ...(ping ? { ping } : {}),
        },
        { gatewayId: deps.gatewayId, maxConnectionsPerUser: config.websocket.maxConnectionsPerUser },
      )
    : null;

  const schedulerBase = { budgetPerWindow: config.budget.perWindow, windowMs: config.budget.windowMs };
  const sessions = deps.sessions.resolver;
  app.get('/api/mode', (_req, res) => {
    res.json({ mode: config.mode });
  });
  app.use(
    healthRouter({
      gateway: () => ({
        enabled: gateway !== null,
        connections: gateway?.connectionCount() ?? 0,
        subscriptions: gateway?.subscriptionCount() ?? 0,
      }),
      ...(ping ? { ping } : {}),
      stores,
      clock,
      log: logger,
    }),
  );
  app.use(metricsRouter({ registry: deps.registry, log: logger }));
  app.use(playbackRouter({ sessions, stores, clock, log: logger }));
  app.use(
    controlRouter(
      { sessions, spotify: deps.spotify, tokens: deps.tokens, hints: deps.hints, stores, clock, log: logger },
      { schedulerBase },
    ),
  );
  app.use(
    devicesRouter(
      { sessions, spotify: deps.spotify, tokens: deps.tokens, stores, clock, log: logger },
      { schedulerBase },
    ),
  );
  app.use(internalRouter({ token: config.internalApiToken, hints: deps.hints, log: logger }));
  app.use(tuningRouter({ token: deps.adminToken, stores, log: logger }, { schedulerBase }));
  app.use(
    opsRouter({
      token: deps.adminToken,
      stores,
      statuses: deps.workerStatuses,
      schedulerBase,
      clock,
      log: logger,
    }),
  );
  if (deps.demo !== null) {
    app.use(
      createDemoRouter({
        world: deps.demo.world,
        listeners: deps.demo.listeners,
        tokens: deps.tokens,
        spotify: deps.spotify,
        hints: deps.hints,
        stores,
        random: deps.random.fork('demo-commands'),
        session: deps.sessions.middleware,
        userField: config.session.userField,
        logger,
      }),
    );
    app.use(logoutRouter(deps.sessions.middleware, config.session.cookieName));
  } else {
    app.use(
      createAuthRouter({
        accounts: deps.accounts,
        spotify: deps.spotify,
        tokens: deps.tokens,
        session: deps.sessions.middleware,
        userField: config.session.userField,
        cookieName: config.session.cookieName,
        cookieSecret: config.session.secret ?? '',
        redirectUri: config.spotify.redirectUri,
        clock,
        logger,
      }),
    );
  }
  app.use(webClientRouter());
  app.use((req, res) => {
    sendProblem(res, new HttpProblem(404, 'not_found', `Nothing at ${req.method} ${req.path}`));
  });

  let closing: Promise<void> | null = null;
  return {
    ...deps.shell,
    gateway,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      await gateway?.start();
      return (httpServer.address() as AddressInfo).port;
    },
    close() {
      closing ??= (async () => {
        await gateway?.close('server_shutdown');
        await deps.shell.close();
      })();
      return closing;
    },
  };
}
