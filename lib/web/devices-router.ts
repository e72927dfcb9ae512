import express from 'express';
import type { Router } from 'express';
import type { SessionResolver } from '../session';
import type { SpotifyApiClient } from '../spotify';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import type { TokenManager } from '../tokens';
import { BudgetGate, DEFAULT_BUDGET_GATE_OPTIONS, type BudgetGateOptions } from './budget-gate';
import { deviceList } from './device-list';
import { webErrorHandler } from './error-handler';
import { methodNotAllowed } from './method-not-allowed';
import { resolveRouterOptions } from './router-options';
import { sendAsListener } from './send-as-listener';
import { requireSession, sessionUserId } from './session-auth';
import type { WebLog } from './web-log';

export interface DevicesRouterDeps {
  sessions: SessionResolver;
  spotify: Pick<SpotifyApiClient, 'getDevices'>;
  tokens: Pick<TokenManager, 'accessToken' | 'afterUnauthorized'>;
  stores: Pick<Stores, 'budget' | 'cooldown' | 'tuning'>;
  clock: Clock;
  log: WebLog;
}

export type DevicesRouterOptions = BudgetGateOptions;

/**
 * `GET /api/devices` (session-authenticated): the listener's devices from Spotify, `{ devices: [{ id, name,
 * type, volume, isActive }] }`, for a device picker in front of `POST /api/control/transfer`. Each call is one
 * request of the app-wide budget (the workers never poll this endpoint), with the control routes' answers for
 * the cooldown, the budget and Spotify's failures.
 */
export function devicesRouter(deps: DevicesRouterDeps, options: Partial<DevicesRouterOptions> = {}): Router {
  const budget = resolveRouterOptions('Devices router', DEFAULT_BUDGET_GATE_OPTIONS, options, {
    requestSkewMarginMs: [0, 60_000],
  });
  const gate = new BudgetGate({ stores: deps.stores, clock: deps.clock, log: deps.log }, budget);
  const router = express.Router();
  router.get('/api/devices', requireSession(deps.sessions, deps.log), async (_req, res) => {
    const userId = sessionUserId(res);
    const result = await sendAsListener({ tokens: deps.tokens, gate }, userId, (token) =>
      deps.spotify.getDevices(token),
    );
    const { devices, skipped } = deviceList(result.body);
    if (skipped.length > 0) deps.log.warn('unusable devices left out', { userId, skipped });
    res.json({ devices });
  });
  router.all('/api/devices', methodNotAllowed('GET'));
  router.use(webErrorHandler(deps.log));
  return router;
}
