import express from 'express';
import type { Router } from 'express';
import type { Hint } from '../core/hint';
import { MAX_HINT_TTL_MS } from '../core/hint-input';
import type { HintClient } from '../hints';
import type { SessionResolver } from '../session';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import type { TokenManager } from '../tokens';
import { BudgetGate, DEFAULT_BUDGET_GATE_OPTIONS, type BudgetGateOptions } from './budget-gate';
import {
  CONTROL_ACTION_NAMES,
  CONTROL_ACTIONS,
  isControlActionName,
  type ControlActionName,
  type ControlSpotify,
} from './control-actions';
import { errorFields } from '../log/error-fields';
import { webErrorHandler } from './error-handler';
import { HttpProblem } from './http-problem';
import { jsonBody } from './json-body';
import { methodNotAllowed } from './method-not-allowed';
import { resolveRouterOptions } from './router-options';
import { sendAsListener } from './send-as-listener';
import { requireSession, sessionUserId } from './session-auth';
import type { WebLog } from './web-log';

export interface ControlRouterDeps {
  sessions: SessionResolver;
  spotify: ControlSpotify;
  tokens: Pick<TokenManager, 'accessToken' | 'afterUnauthorized'>;
  /** Records the `user` hints (and nudges); built over the web process's stores and Publisher. */
  hints: Pick<HintClient, 'recordHint'>;
  /** `hints` to withdraw a hint whose command Spotify refused; the rest for the budget and the nudge. */
  stores: Pick<Stores, 'hints' | 'bus' | 'budget' | 'cooldown' | 'tuning'>;
  clock: Clock;
  log: WebLog;
}

export interface ControlRouterOptions extends BudgetGateOptions {
  /**
   * How long a press's hint stays live: the poll that sees its change must come within it. Default 10 000
   * (Spotify shows a command within a second or two; the workers fast-follow a hint for 4 s).
   */
  hintTtlMs: number;
  /** The largest JSON body accepted. Default 16 384. */
  bodyLimitBytes: number;
}

export const DEFAULT_CONTROL_ROUTER_OPTIONS: Readonly<ControlRouterOptions> = Object.freeze({
  ...DEFAULT_BUDGET_GATE_OPTIONS,
  hintTtlMs: 10_000,
  bodyLimitBytes: 16_384,
});

export function resolveControlRouterOptions(
  overrides: Partial<ControlRouterOptions> = {},
): Readonly<ControlRouterOptions> {
  return resolveRouterOptions('Control router', DEFAULT_CONTROL_ROUTER_OPTIONS, overrides, {
    hintTtlMs: [1, MAX_HINT_TTL_MS],
    bodyLimitBytes: [2, 1_048_576],
    requestSkewMarginMs: [0, 60_000],
  });
}

/** Refusals after which Spotify certainly did not act: the press's hint must not claim a later change. */
const NOT_SENT_OR_REFUSED = new Set([
  'spotify_rejected',
  'spotify_cooldown',
  'budget_exhausted',
  'reauth_required',
  'spotify_unauthorized',
]);

/**
 * `POST /api/control/:action` (seed 2.2), session-authenticated: play, pause, next, previous, seek, volume,
 * shuffle, repeat, transfer (bodies in `control-actions.ts`). Each press records a `user` hint with the
 * change it expects before Spotify is called (so the poll that sees the change attributes it to the user, and
 * the worker fast-follows it), takes one request of the app-wide budget, calls Spotify with the listener's
 * token, and nudges the worker again once Spotify has it, so the event follows right away. Answers
 * `{ ok: true }`, or `{ error: { code, message } }`: 400 bad body, 401 no session or `reauth_required`, 404
 * unknown action, 409/400 Spotify refused, 415 not JSON, 429 `budget_exhausted`, 503 `spotify_cooldown`
 * (both with Retry-After), 502/504 Spotify failing.
 */
export function controlRouter(deps: ControlRouterDeps, options: Partial<ControlRouterOptions> = {}): Router {
  const { hintTtlMs, bodyLimitBytes, ...budget } = resolveControlRouterOptions(options);
  const gate = new BudgetGate({ stores: deps.stores, clock: deps.clock, log: deps.log }, budget);
  const router = express.Router();

  router.post(
    '/api/control/:action',
    (req, _res, next) => {
      const name = req.params.action as string;
      if (isControlActionName(name)) return next();
      next(
        new HttpProblem(
          404,
          'unknown_action',
          `unknown control action ${JSON.stringify(name)}; the actions are ${CONTROL_ACTION_NAMES.join(', ')}`,
        ),
      );
    },
    requireSession(deps.sessions, deps.log),
    ...jsonBody(bodyLimitBytes),
    async (req, res) => {
      const userId = sessionUserId(res);
      const action = req.params.action as ControlActionName;
      const command = CONTROL_ACTIONS[action](req.body);
      if (!command.ok) {
        throw new HttpProblem(400, 'bad_request', command.errors.join('; '), {
          details: { errors: command.errors },
        });
      }
      const { expect, send } = command.value;
      let hint: Hint | null = null;
      const recordHint = async () => {
        hint = await deps.hints.recordHint(userId, {
          source: 'user',
          intent: action,
          ...(expect === undefined ? {} : { expect }),
          ttlMs: hintTtlMs,
        });
      };
      try {
        await sendAsListener(
          { tokens: deps.tokens, gate },
          userId,
          (token) => send(deps.spotify, token),
          recordHint,
        );
      } catch (error) {
        await withdraw(deps, userId, hint, error);
        throw error;
      }
      try {
        await deps.stores.bus.publish(userId);
      } catch (error) {
        // Spotify has the command and the worker already fast-follows the hint: the press did what it should.
        deps.log.warn('nudge after a control command failed', { userId, action, ...errorFields(error) });
      }
      deps.log.info('control command sent', { userId, action });
      res.json({ ok: true });
    },
  );
  router.all('/api/control/:action', methodNotAllowed('POST'));
  router.use(webErrorHandler(deps.log));
  return router;
}

/** Takes back the press's hint when Spotify certainly did not act (after a timeout or a 5xx it may have). */
async function withdraw(deps: ControlRouterDeps, userId: string, hint: Hint | null, error: unknown) {
  if (error instanceof HttpProblem) {
    deps.log.warn('control command refused', { userId, reason: error.code, message: error.message });
  }
  if (hint === null || !(error instanceof HttpProblem) || !NOT_SENT_OR_REFUSED.has(error.code)) return;
  await deps.stores.hints
    .consume(userId, [hint.id])
    .catch((failure: unknown) =>
      deps.log.warn('control hint not withdrawn', { userId, ...errorFields(failure) }),
    );
}
