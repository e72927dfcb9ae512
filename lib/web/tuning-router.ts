import express from 'express';
import type { Router } from 'express';
import { isRecord } from '../core/normalize/guards';
import type { SchedulerTuning } from '../scheduler';
import type { Stores } from '../store';
import { resolveRunTimeSettings, type RunTimeSettings } from '../worker/run-time-settings';
import { requireBearer } from './bearer-auth';
import { webErrorHandler } from './error-handler';
import { HttpProblem } from './http-problem';
import { jsonBody } from './json-body';
import { methodNotAllowed } from './method-not-allowed';
import { resolveRouterOptions } from './router-options';
import type { WebLog } from './web-log';

export interface TuningRouterDeps {
  /** ADMIN_TOKEN; null leaves the routes disabled (404). */
  token: string | null;
  stores: Pick<Stores, 'tuning' | 'bus'>;
  log: WebLog;
}

export interface TuningRouterOptions {
  /**
   * The scheduler settings from configuration, the same the workers get (`budgetPerWindow`, `windowMs`): the
   * overrides are checked on top of them, as `npm run tune` does. Default {}.
   */
  schedulerBase: Partial<SchedulerTuning>;
  /** The largest JSON body accepted. Default 16 384. */
  bodyLimitBytes: number;
}

export const DEFAULT_TUNING_ROUTER_OPTIONS: Readonly<TuningRouterOptions> = Object.freeze({
  schedulerBase: {},
  bodyLimitBytes: 16_384,
});

/** What both routes answer: the stored settings and the scheduler settings they put in force. */
export interface TuningAnswer {
  /** 0 before the first write. */
  version: number;
  scheduler: Record<string, unknown>;
  recordUsers: string[];
  inForce: Readonly<SchedulerTuning>;
}

function answer(version: number, values: Record<string, unknown>, settings: RunTimeSettings): TuningAnswer {
  return {
    version,
    scheduler: (values.scheduler as Record<string, unknown> | undefined) ?? {},
    recordUsers: [...settings.recordUsers].sort(),
    inForce: settings.scheduler,
  };
}

/**
 * The run-time tuning over HTTP, behind `Authorization: Bearer ADMIN_TOKEN` (what `npm run tune` does from a
 * shell):
 * - `GET /internal/tuning` → `TuningAnswer`;
 * - `PUT /internal/tuning` `{ scheduler?: { name: value, ... }, recordUsers?: [userId, ...] }` replaces the
 *   stored settings (left-out parts are empty: the configured defaults), validated exactly as `npm run tune`
 *   validates them (400 listing every problem, nothing stored), then tells every worker to reload.
 */
export function tuningRouter(deps: TuningRouterDeps, options: Partial<TuningRouterOptions> = {}): Router {
  const { schedulerBase, bodyLimitBytes } = resolveRouterOptions(
    'Tuning router',
    DEFAULT_TUNING_ROUTER_OPTIONS,
    options,
    { bodyLimitBytes: [2, 1_048_576] },
  );
  const base = resolveRunTimeSettings(null, schedulerBase);
  if (!base.ok) throw new RangeError(`Tuning router option \`schedulerBase\`: ${base.errors.join('; ')}`);
  const { stores, log } = deps;
  const bearer = requireBearer(deps.token, 'ADMIN_TOKEN', log);
  const router = express.Router();

  router.get('/internal/tuning', bearer, async (_req, res) => {
    const stored = await stores.tuning.get();
    const settings = resolveRunTimeSettings(stored, schedulerBase);
    const values = stored?.values ?? {};
    res.setHeader('Cache-Control', 'no-store');
    if (settings.ok) {
      res.json(answer(stored?.version ?? 0, values, settings.value));
      return;
    }
    // Written by hand into Redis, perhaps: the workers ignore it and say so; so does this answer.
    res.json({
      ...answer(stored?.version ?? 0, {}, base.value),
      stored: values,
      storedErrors: settings.errors,
    });
  });

  router.put('/internal/tuning', bearer, ...jsonBody(bodyLimitBytes), async (req, res) => {
    const body: unknown = req.body;
    if (!isRecord(body)) {
      throw new HttpProblem(400, 'bad_request', 'body: must be a JSON object { scheduler?, recordUsers? }');
    }
    const checked = resolveRunTimeSettings({ version: 0, values: { ...body } }, schedulerBase);
    if (!checked.ok) {
      throw new HttpProblem(400, 'bad_request', `nothing stored: ${checked.errors.join('; ')}`, {
        details: { errors: checked.errors },
      });
    }
    const values = {
      scheduler: (body.scheduler as Record<string, unknown> | undefined) ?? {},
      recordUsers: [...checked.value.recordUsers].sort(),
    };
    const saved = await stores.tuning.set(values);
    await stores.bus.publishTuningChanged(saved.version);
    log.info('tuning stored', { version: saved.version, scheduler: values.scheduler });
    res.json(answer(saved.version, values, checked.value));
  });

  router.all('/internal/tuning', bearer, methodNotAllowed('GET', 'PUT'));
  router.use(webErrorHandler(log));
  return router;
}
