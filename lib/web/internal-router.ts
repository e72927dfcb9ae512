import express from 'express';
import type { Router } from 'express';
import { validateCommandReport } from '../core/command-report';
import { validateHintInput } from '../core/hint-input';
import type { ValidationResult } from '../core/validation-result';
import { InvalidCommandReportError, InvalidHintError, type HintClient } from '../hints';
import { requireBearer } from './bearer-auth';
import { webErrorHandler } from './error-handler';
import { HttpProblem } from './http-problem';
import { jsonBody } from './json-body';
import { methodNotAllowed } from './method-not-allowed';
import { resolveRouterOptions } from './router-options';
import { userEnvelope } from './user-envelope';
import type { WebLog } from './web-log';

export interface InternalRouterDeps {
  /** INTERNAL_API_TOKEN; null leaves both routes disabled (404). */
  token: string | null;
  /** Built over the web process's stores and its own Publisher: reports go out as `commandExecuted` through it. */
  hints: Pick<HintClient, 'recordHint' | 'reportCommand'>;
  log: WebLog;
}

export interface InternalRouterOptions {
  /** The largest JSON body accepted. Default 65 536 (a command's `result` may carry a little data). */
  bodyLimitBytes: number;
}

export const DEFAULT_INTERNAL_ROUTER_OPTIONS: Readonly<InternalRouterOptions> = Object.freeze({
  bodyLimitBytes: 65_536,
});

/** The body's problems: the envelope's and the payload's, all at once. */
function problems(
  envelopeErrors: string[],
  payload: Record<string, unknown> | null,
  validate: (payload: unknown) => ValidationResult<unknown>,
): string[] {
  const checked = payload === null ? null : validate(payload);
  return [...envelopeErrors, ...(checked === null || checked.ok ? [] : checked.errors)];
}

function badRequest(errors: readonly string[]): HttpProblem {
  return new HttpProblem(400, 'bad_request', errors.join('; '), { details: { errors } });
}

/**
 * The hint intake for callers that are not Node (DESIGN section 1), behind `Authorization: Bearer
 * INTERNAL_API_TOKEN`; bodies are flat JSON objects with the user id beside the payload:
 * - `POST /internal/hints` `{ userId, source, intent, expect?, reasoning?, isAIDiscovery?, ttlMs }` → 201
 *   `{ hint: { id, recordedAt, expiresAt } }`: recorded (and the worker nudged) as `HintClient.recordHint`;
 * - `POST /internal/commands` `{ userId, command, intent, success, confidence, result?, error? }` → 200
 *   `{ ok: true }`: published as `commandExecuted` (source `ai`).
 * Bad input is a 400 whose message lists every problem (`details.errors` has them one by one).
 */
export function internalRouter(
  deps: InternalRouterDeps,
  options: Partial<InternalRouterOptions> = {},
): Router {
  const { bodyLimitBytes } = resolveRouterOptions(
    'Internal router',
    DEFAULT_INTERNAL_ROUTER_OPTIONS,
    options,
    {
      bodyLimitBytes: [2, 10_485_760],
    },
  );
  const { hints, log } = deps;
  const bearer = requireBearer(deps.token, 'INTERNAL_API_TOKEN', log);
  const guard = [bearer, ...jsonBody(bodyLimitBytes)];
  const router = express.Router();

  router.post('/internal/hints', ...guard, async (req, res) => {
    const { userId, payload, errors } = userEnvelope(req.body);
    const found = problems(errors, payload, validateHintInput);
    if (userId === null || payload === null || found.length > 0) throw badRequest(found);
    try {
      const hint = await hints.recordHint(userId, payload);
      log.info('hint recorded', { userId, source: hint.source, intent: hint.intent });
      res.status(201).json({
        hint: { id: hint.id, recordedAt: hint.recordedAt, expiresAt: hint.recordedAt + hint.ttlMs },
      });
    } catch (error) {
      throw error instanceof InvalidHintError ? badRequest(error.errors) : error;
    }
  });

  router.post('/internal/commands', ...guard, async (req, res) => {
    const { userId, payload, errors } = userEnvelope(req.body);
    const found = problems(errors, payload, validateCommandReport);
    if (userId === null || payload === null || found.length > 0) throw badRequest(found);
    try {
      await hints.reportCommand(userId, payload);
      log.info('command reported', { userId, command: payload.command, success: payload.success });
      res.json({ ok: true });
    } catch (error) {
      throw error instanceof InvalidCommandReportError ? badRequest(error.errors) : error;
    }
  });

  router.all(['/internal/hints', '/internal/commands'], bearer, methodNotAllowed('POST'));
  router.use(webErrorHandler(log));
  return router;
}
