import { randomBytes } from 'node:crypto';
import type { Config } from '../config';
import { createDemoWorld, signInDemoListeners, startDemoSimulator, type DemoWorld } from '../demo';
import type { Logger } from '../log/logger';
import { createWorkerStatusStore } from '../ops';
import { systemRandom } from '../random/random';
import { createMemoryStores, createRedisStores, type Stores } from '../store';
import { systemClock } from '../time/system-clock';
import { BottleneckShareLimiter } from '../worker/share-limiter';
import { PollLogRecorder } from '../worker/poll-log-recorder';
import { Worker } from '../worker/worker';
import { connectRedis, processRegistry, spotifyClients, tokenManager } from './process-parts';
import { createWebSide, type WebSide } from './web-side';

export interface RunningSingleProcess {
  side: WebSide;
  worker: Worker;
  port: number;
  /** The demo's world, or null in a deployment. */
  demo: DemoWorld | null;
  /** What opens the ops page (ADMIN_TOKEN, or the demo's made-up one); null when it is disabled. */
  adminToken: string | null;
  /** Stops the web side, the worker, the simulator (demo) and the stores; idempotent. */
  stop(): Promise<void>;
}

/** Why `npm start` cannot run a deployment with this configuration, or null when it can. */
export function singleProcessConfigProblem(config: Readonly<Config>): string | null {
  if (config.mode === 'demo') return null;
  if (config.tokenEncryptionKey === null || config.session.secret === null) {
    return 'TOKEN_ENCRYPTION_KEY and SESSION_SECRET are required outside the demo';
  }
  return null;
}

/**
 * `npm start`: the worker and the web side in one process (DESIGN section 7). With nothing configured it is the
 * demo: the simulator embedded on a loopback port with a few lively listeners, signed in from the start, and
 * throw-away keys. With Spotify credentials it is a single-node deployment; REDIS_URL is optional (memory
 * otherwise: everything is lost on restart).
 */
export async function startSingleProcess(
  config: Readonly<Config>,
  logger: Logger,
): Promise<RunningSingleProcess> {
  const problem = singleProcessConfigProblem(config);
  if (problem !== null) throw new Error(problem);
  const clock = systemClock;
  const random = systemRandom();
  const redis = config.redis.url === null ? null : connectRedis(config.redis.url, logger);
  const bufferSize = config.websocket.bufferSize;
  const stores: Stores =
    redis === null
      ? createMemoryStores({ bufferSize })
      : createRedisStores(redis, { prefix: config.redis.prefix, bufferSize });
  const registry = processRegistry();

  const demo = config.mode === 'demo' ? createDemoWorld({ clock, random: random.fork('demo-world') }) : null;
  const simulator =
    demo === null ? null : await startDemoSimulator(demo.world, { timeoutMs: config.spotify.timeoutMs });
  const { api: spotify, accounts } = simulator ?? spotifyClients(config, clock);
  // The demo's keys live as long as the process: its sessions and tokens are in memory anyway.
  const tokenKey = config.tokenEncryptionKey ?? randomBytes(32).toString('base64');
  const sessionSecret = config.session.secret ?? randomBytes(32).toString('base64');
  const processId = config.worker.id;
  const tokens = tokenManager(stores, accounts, tokenKey, clock, processId);
  if (demo !== null) await signInDemoListeners(demo.credentials, tokens, clock);

  const statusStore = createWorkerStatusStore(redis, config.redis.prefix);
  // The demo opens the ops page with a token made up for this run (printed on start) unless one is set.
  const adminToken = config.adminToken ?? (demo === null ? null : randomBytes(12).toString('hex'));
  const side = createWebSide({
    config,
    sessionSecret,
    logger,
    clock,
    random,
    stores,
    redis,
    spotify,
    accounts,
    tokens,
    registry,
    demo,
    gatewayId: `web-${processId}`,
    adminToken,
    workerStatuses: async (now) => statusStore.read(await stores.workers.liveWorkers(now), now),
  });
  const worker = new Worker(
    {
      stores,
      spotify,
      tokens,
      publisher: side.publisher,
      clock,
      random: random.fork('worker'),
      logger,
      registry,
      shareLimiter: new BottleneckShareLimiter(config.budget.perWindow, config.budget.windowMs),
      recorder: new PollLogRecorder(config.worker.pollLogDir, (userId, error) =>
        logger.warn('poll log not written', { userId, error }),
      ),
      ...(redis ? { ping: async () => (await redis.ping()) === 'PONG' } : {}),
      statusStore,
    },
    {
      workerId: processId,
      leaseTtlMs: config.worker.leaseTtlMs,
      lingerMs: config.worker.lingerMs,
      schedulerBase: { budgetPerWindow: config.budget.perWindow, windowMs: config.budget.windowMs },
    },
  );
  await worker.start();
  const port = await side.web.listen(config.port);
  let stopping: Promise<void> | null = null;
  return {
    side,
    worker,
    port,
    demo,
    adminToken,
    stop() {
      stopping ??= (async () => {
        await side.web.close();
        await worker.close();
        await side.close();
        await simulator?.close();
        await stores.close();
        await redis?.quit().catch(() => redis.disconnect());
      })();
      return stopping;
    },
  };
}
