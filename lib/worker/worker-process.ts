import { connectRedis, processRegistry, spotifyClients, tokenManager } from '../app/process-parts';
import type { Config } from '../config';
import type { Logger } from '../log/logger';
import { Publisher, RedisEmitterSink } from '../publish';
import { systemRandom } from '../random/random';
import { createRedisStores } from '../store';
import { systemClock } from '../time/system-clock';
import { createWorkerStatusStore } from '../ops';
import { PollLogRecorder } from './poll-log-recorder';
import { BottleneckShareLimiter } from './share-limiter';
import { Worker } from './worker';
import { startWorkerHttpServer, type WorkerHttpServer } from './worker-http';

export interface RunningWorker {
  worker: Worker;
  http: WorkerHttpServer;
  /** Stops scheduling, lets in-flight polls finish, releases the leases, then closes Redis; idempotent. */
  stop(): Promise<void>;
}

/** Why the worker process cannot start with this configuration, or null when it can. */
export function workerConfigProblem(config: Readonly<Config>): string | null {
  if (config.redis.url === null) {
    return 'REDIS_URL is required: the worker shares users, the budget and events with other processes through Redis (for one process without Redis, use `npm start`)';
  }
  if (
    config.spotify.clientId === null ||
    config.spotify.clientSecret === null ||
    config.tokenEncryptionKey === null
  ) {
    return 'SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET and TOKEN_ENCRYPTION_KEY are required: the worker refreshes listeners’ tokens';
  }
  return null;
}

/** Wires the worker process from its configuration: Redis stores, the Spotify adapter, tokens, publisher, HTTP. */
export async function startWorkerProcess(config: Readonly<Config>, logger: Logger): Promise<RunningWorker> {
  const problem = workerConfigProblem(config);
  if (problem !== null) throw new Error(problem);
  const clock = systemClock;
  const redis = connectRedis(config.redis.url as string, logger);
  const stores = createRedisStores(redis, {
    prefix: config.redis.prefix,
    bufferSize: config.websocket.bufferSize,
  });
  const registry = processRegistry();
  const spotify = spotifyClients(config, clock);
  const tokens = tokenManager(
    stores,
    spotify.accounts,
    config.tokenEncryptionKey as string,
    clock,
    config.worker.id,
  );
  const publisher = new Publisher(
    { stores, sink: new RedisEmitterSink(redis), clock, registry, log: logger },
    { eventsPerMinute: config.websocket.eventRateLimit },
  );
  const schedulerBase = { budgetPerWindow: config.budget.perWindow, windowMs: config.budget.windowMs };
  const worker = new Worker(
    {
      stores,
      spotify: spotify.api,
      tokens,
      publisher,
      clock,
      random: systemRandom(),
      logger,
      registry,
      shareLimiter: new BottleneckShareLimiter(config.budget.perWindow, config.budget.windowMs),
      recorder: new PollLogRecorder(config.worker.pollLogDir, (userId, error) =>
        logger.warn('poll log not written', { userId, error }),
      ),
      ping: async () => (await redis.ping()) === 'PONG',
      statusStore: createWorkerStatusStore(redis, config.redis.prefix),
    },
    {
      workerId: config.worker.id,
      leaseTtlMs: config.worker.leaseTtlMs,
      lingerMs: config.worker.lingerMs,
      schedulerBase,
    },
  );
  await worker.start();
  const http = await startWorkerHttpServer(config.workerPort, () => worker.health(), registry);
  logger.info('worker listening', { workerId: config.worker.id, port: http.port });
  let stopping: Promise<void> | null = null;
  return {
    worker,
    http,
    stop() {
      stopping ??= (async () => {
        await worker.close();
        await publisher.close();
        await http.close();
        await stores.close();
        await redis.quit().catch(() => redis.disconnect());
      })();
      return stopping;
    },
  };
}
