import express from 'express';
import type { Router } from 'express';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import { errorFields } from '../log/error-fields';
import { webErrorHandler } from './error-handler';
import { methodNotAllowed } from './method-not-allowed';
import { musicHealth, type GatewayHealthSnapshot, type MusicHealth } from './music-health';
import { resolveRouterOptions } from './router-options';
import type { WebLog } from './web-log';

export interface HealthRouterDeps {
  /** The gateway's numbers; it may throw or reject, which reads as `gateway_unavailable`. */
  gateway: () => GatewayHealthSnapshot | Promise<GatewayHealthSnapshot>;
  /** Whether Redis answers PING; left out with the in-memory stores. */
  ping?: () => Promise<boolean>;
  stores: Pick<Stores, 'cooldown' | 'workers'>;
  clock: Clock;
  log: WebLog;
}

export interface HealthRouterOptions {
  /** A PING without an answer after this long counts as Redis down. Default 1000. */
  pingTimeoutMs: number;
  /** Fewer live workers than this is `no_live_workers`. Default 1. */
  minLiveWorkers: number;
}

export const DEFAULT_HEALTH_ROUTER_OPTIONS: Readonly<HealthRouterOptions> = Object.freeze({
  pingTimeoutMs: 1000,
  minLiveWorkers: 1,
});

/**
 * `GET /health/music` (seed 2.3): `{ status, reasons, enabled, connections, subscriptions, redis, cooldown,
 * liveWorkers, uptime }` (see `MusicHealth`); 200 when `healthy` or `disabled`, 503 when `degraded`. Never
 * throws: every source that fails is a reason. Status changes are logged.
 */
export function healthRouter(deps: HealthRouterDeps, options: Partial<HealthRouterOptions> = {}): Router {
  const { pingTimeoutMs, minLiveWorkers } = resolveRouterOptions(
    'Health router',
    DEFAULT_HEALTH_ROUTER_OPTIONS,
    options,
    { pingTimeoutMs: [1, 60_000], minLiveWorkers: [0, 10_000] },
  );
  const { stores, clock, log } = deps;
  const startedAt = clock.now();
  let lastStatus: MusicHealth['status'] | null = null;

  const redis = async (): Promise<'up' | 'down' | 'not_used'> => {
    if (deps.ping === undefined) return 'not_used';
    const timeout = new AbortController();
    const timedOut = clock.sleep(pingTimeoutMs, timeout.signal).then(
      () => false,
      () => false,
    );
    try {
      const up = await Promise.race([deps.ping().catch(() => false), timedOut]);
      return up ? 'up' : 'down';
    } finally {
      timeout.abort();
    }
  };

  const router = express.Router();
  router.get('/health/music', async (_req, res) => {
    const now = clock.now();
    const [gateway, redisState, cooldown, workers] = await Promise.all([
      Promise.resolve()
        .then(deps.gateway)
        .catch((error: unknown) => {
          log.warn('gateway health not available', errorFields(error));
          return null;
        }),
      redis(),
      stores.cooldown.current(now).catch(() => undefined),
      stores.workers.liveWorkers(now).catch(() => null),
    ]);
    const health = musicHealth({
      gateway,
      redis: redisState,
      cooldown,
      liveWorkers: workers === null ? null : workers.length,
      minLiveWorkers,
      uptimeSeconds: Math.round((now - startedAt) / 1000),
    });
    if (health.status !== lastStatus) {
      const meta = { status: health.status, reasons: health.reasons.map((reason) => reason.code) };
      if (health.status === 'degraded') log.warn('music health changed', meta);
      else log.info('music health changed', meta);
      lastStatus = health.status;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.status(health.status === 'degraded' ? 503 : 200).json(health);
  });
  router.all('/health/music', methodNotAllowed('GET'));
  router.use(webErrorHandler(log));
  return router;
}
