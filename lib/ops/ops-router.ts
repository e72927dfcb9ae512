import express, { type Router } from 'express';
import type { SchedulerTuning } from '../scheduler';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import { requireBearer } from '../web/bearer-auth';
import { webErrorHandler } from '../web/error-handler';
import type { WebLog } from '../web/web-log';
import { resolveRunTimeSettings } from '../worker/run-time-settings';
import { opsOverview } from './ops-overview';
import type { WorkerStatus } from './worker-status';

export interface OpsRouterDeps {
  /** ADMIN_TOKEN; null leaves the route out (404). */
  token: string | null;
  stores: Pick<
    Stores,
    'activeUsers' | 'budget' | 'cooldown' | 'workers' | 'leases' | 'playbackStates' | 'tuning'
  >;
  /** The live workers' latest statuses (cadences, next polls, 429s). */
  statuses: (now: number) => Promise<WorkerStatus[]>;
  /** The configured scheduler settings the stored tuning applies on top of (the budget among them). */
  schedulerBase: Partial<SchedulerTuning>;
  clock: Clock;
  log: WebLog;
}

/** `GET /api/ops/overview` (Bearer ADMIN_TOKEN): the ops page's picture of users, budget, cooldown and workers. */
export function opsRouter(deps: OpsRouterDeps): Router {
  const router = express.Router();
  router.get('/api/ops/overview', requireBearer(deps.token, 'ADMIN_TOKEN', deps.log), async (_req, res) => {
    const now = deps.clock.now();
    const settings = resolveRunTimeSettings(await deps.stores.tuning.get(), deps.schedulerBase);
    // A stored tuning that no longer validates is ignored by the workers too: they keep the configured base.
    const base = resolveRunTimeSettings(null, deps.schedulerBase);
    const scheduler = settings.ok ? settings.value.scheduler : base.ok ? base.value.scheduler : null;
    if (scheduler === null) throw new Error('the configured scheduler settings do not validate');
    res.json(
      await opsOverview({
        stores: deps.stores,
        statuses: await deps.statuses(now),
        now,
        budget: { limit: scheduler.budgetPerWindow, windowMs: scheduler.windowMs },
      }),
    );
  });
  router.use('/api/ops', webErrorHandler(deps.log));
  return router;
}
