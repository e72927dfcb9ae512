import type { Config } from '../config';
import type { Logger } from '../log/logger';
import { createWorkerStatusStore } from '../ops';
import { systemRandom } from '../random/random';
import { createRedisStores } from '../store';
import { systemClock } from '../time/system-clock';
import { connectRedis, processRegistry, spotifyClients, tokenManager } from './process-parts';
import { createWebSide, type WebSide } from './web-side';

export interface RunningWeb {
  side: WebSide;
  port: number;
  /** Stops accepting, closes every socket with a reason, the adapter, the publisher, then Redis; idempotent. */
  stop(): Promise<void>;
}

/** Why the web process cannot start with this configuration, or null when it can. */
export function webConfigProblem(config: Readonly<Config>): string | null {
  if (config.redis.url === null) {
    return 'REDIS_URL is required: gateways share rooms, sessions and the socket registry through Redis (for one process without Redis, use `npm start`)';
  }
  if (
    config.spotify.clientId === null ||
    config.spotify.clientSecret === null ||
    config.tokenEncryptionKey === null ||
    config.session.secret === null
  ) {
    return 'SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET, TOKEN_ENCRYPTION_KEY and SESSION_SECRET are required: the web process signs listeners in and sends their control presses to Spotify';
  }
  return null;
}

/** Wires the `web:` process from its configuration: Redis stores, sessions, the gateway, the routes. */
export async function startWebProcess(config: Readonly<Config>, logger: Logger): Promise<RunningWeb> {
  const problem = webConfigProblem(config);
  if (problem !== null) throw new Error(problem);
  const clock = systemClock;
  const redis = connectRedis(config.redis.url as string, logger);
  const stores = createRedisStores(redis, {
    prefix: config.redis.prefix,
    bufferSize: config.websocket.bufferSize,
  });
  const gatewayId = `web-${config.worker.id}`;
  const spotify = spotifyClients(config, clock);
  const tokens = tokenManager(
    stores,
    spotify.accounts,
    config.tokenEncryptionKey as string,
    clock,
    gatewayId,
  );
  const statusStore = createWorkerStatusStore(redis, config.redis.prefix);
  const side = createWebSide({
    config,
    sessionSecret: config.session.secret as string,
    logger,
    clock,
    random: systemRandom(),
    stores,
    redis,
    spotify: spotify.api,
    accounts: spotify.accounts,
    tokens,
    registry: processRegistry(),
    demo: null,
    gatewayId,
    adminToken: config.adminToken,
    workerStatuses: async (now) => statusStore.read(await stores.workers.liveWorkers(now), now),
  });
  const port = await side.web.listen(config.port);
  logger.info('web listening', { gatewayId, port, music: config.websocket.enabled ? '/music' : 'disabled' });
  let stopping: Promise<void> | null = null;
  return {
    side,
    port,
    stop() {
      stopping ??= (async () => {
        await side.close();
        await stores.close();
        await redis.quit().catch(() => redis.disconnect());
      })();
      return stopping;
    },
  };
}
