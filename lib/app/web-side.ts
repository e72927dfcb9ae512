import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Config } from '../config';
import type { DemoWorld } from '../demo';
import { HintClient } from '../hints';
import type { Logger } from '../log/logger';
import type { WorkerStatus } from '../ops';
import { Publisher } from '../publish';
import type { Random } from '../random/random';
import { createSessionStore, sessionMiddleware, StoreSessionResolver } from '../session';
import type { SpotifyAccountsClient, SpotifyApiClient } from '../spotify';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import type { TokenManager } from '../tokens';
import { createWebApplication, type WebApplication } from './web-application';
import { createWebShell } from './web-shell';

export interface WebSideDeps {
  config: Readonly<Config>;
  /** SESSION_SECRET, or a throw-away one in the demo. */
  sessionSecret: string;
  logger: Logger;
  clock: Clock;
  random: Random;
  stores: Stores;
  redis: Redis | null;
  spotify: SpotifyApiClient;
  accounts: SpotifyAccountsClient;
  tokens: TokenManager;
  registry: Registry;
  demo: DemoWorld | null;
  gatewayId: string;
  /** ADMIN_TOKEN, or the demo's throw-away one; null disables the ops page and tuning. */
  adminToken: string | null;
  /** The live workers' latest statuses, for the ops page. */
  workerStatuses: (now: number) => Promise<WorkerStatus[]>;
}

export interface WebSide {
  web: WebApplication;
  /** Everything this process publishes (command reports, control presses; in one process also the worker's). */
  publisher: Publisher;
  hints: HintClient;
  /** Closes the web application, then the publisher (sending what still waits); idempotent. */
  close(): Promise<void>;
}

/**
 * The web side of a process, shared by the `web:` process and `npm start`: the servers, the publisher that
 * emits through them, the hint client, the sessions, and the gateway and routes mounted on it all.
 */
export function createWebSide(deps: WebSideDeps): WebSide {
  const { config, logger, clock, stores, redis } = deps;
  const shell = createWebShell(config, redis, logger);
  const publisher = new Publisher(
    { stores, sink: shell.sink, clock, registry: deps.registry, log: logger },
    { eventsPerMinute: config.websocket.eventRateLimit },
  );
  const hints = new HintClient({ stores, publisher, clock, random: deps.random.fork('hint-ids') });
  const store = createSessionStore(redis, config.session.prefix, clock);
  const sessions = {
    store,
    resolver: new StoreSessionResolver(store, {
      secret: deps.sessionSecret,
      cookieName: config.session.cookieName,
      userField: config.session.userField,
    }),
    middleware: sessionMiddleware(store, {
      secret: deps.sessionSecret,
      cookieName: config.session.cookieName,
    }),
  };
  const web = createWebApplication({ ...deps, shell, sessions, hints });
  let closing: Promise<void> | null = null;
  return {
    web,
    publisher,
    hints,
    close() {
      closing ??= (async () => {
        await web.close();
        await publisher.close();
      })();
      return closing;
    },
  };
}
