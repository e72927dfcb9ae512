import express from 'express';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { startUserSession } from '../auth/start-user-session';
import { validateWith } from '../core/validation-result';
import type { Logger } from '../log/logger';
import { SpotifyFailure } from '../spotify';
import { ReauthRequiredError } from '../tokens';
import { demoCommandBody, demoLoginBody } from './demo-bodies';
import { runDemoCommand, type DemoCommandDeps } from './demo-command';
import { viewDemoListener } from './demo-listener-view';
import { UnknownDemoListenerError } from './unknown-demo-listener-error';
import { UnknownDemoTrackError } from './unknown-demo-track-error';

export interface DemoRouterDeps extends DemoCommandDeps {
  /** The app's express-session middleware (store, secret and cookie already configured). */
  session: RequestHandler;
  /** The session field holding the user id (SESSION_USER_FIELD). */
  userField: string;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/**
 * The demo-only routes (mounted in demo mode only):
 * - `GET /demo/listeners` → `[{userId, displayName, device, nowPlaying}]`;
 * - `POST /demo/login {"userId"}` → `{sessionId}` and the session cookie, as a real sign-in gives;
 * - `POST /demo/command {"userId", "command", "trackUri"?}` → `{ok, trackUri, track, reasoning}`: what the LLM
 *   route does (see `runDemoCommand`).
 * Errors answer JSON `{error, code?}`: 400 for a bad body, 404 for an unknown listener or track, 409 when the
 * listener has no tokens, 502 when Spotify (the simulator) refused.
 */
export function createDemoRouter(deps: DemoRouterDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb' });

  router.get('/demo/listeners', (_req, res) => {
    res.json(deps.listeners.map((listener) => viewDemoListener(deps.world, listener)));
  });

  router.post(
    '/demo/login',
    json,
    (req, res, next) => {
      const body = validateWith(demoLoginBody, req.body, 'body');
      if (!body.ok) {
        badRequest(res, body.errors);
        return;
      }
      const { userId } = body.value;
      if (!deps.listeners.some((listener) => listener.userId === userId)) {
        throw new UnknownDemoListenerError(userId);
      }
      res.locals.userId = userId;
      next();
    },
    deps.session,
    async (req, res) => {
      const userId = res.locals.userId as string;
      const sessionId = await startUserSession(req, deps.userField, userId);
      deps.logger.info('demo sign-in', { userId });
      res.json({ sessionId });
    },
  );

  router.post('/demo/command', json, async (req, res) => {
    const body = validateWith(demoCommandBody, req.body, 'body');
    if (!body.ok) {
      badRequest(res, body.errors);
      return;
    }
    const result = await runDemoCommand(deps, body.value);
    deps.logger.info('demo command played', { userId: body.value.userId, trackUri: result.trackUri });
    res.json(result);
  });

  router.use('/demo', demoErrors(deps.logger));
  return router;
}

function badRequest(res: Response, errors: readonly string[]): void {
  res.status(400).json({ error: errors.join('; ') });
}

function demoErrors(logger: DemoRouterDeps['logger']) {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof UnknownDemoListenerError || error instanceof UnknownDemoTrackError) {
      res.status(404).json({ error: error.message, code: error.code });
    } else if (error instanceof ReauthRequiredError) {
      res.status(409).json({
        error: `Demo listener ${JSON.stringify(error.userId)} has no Spotify tokens stored`,
        code: error.code,
      });
    } else if (error instanceof SpotifyFailure) {
      logger.warn('demo command refused by Spotify', {
        path: req.path,
        failure: error.code,
        status: error.status,
      });
      res.status(502).json({ error: error.message, code: error.code });
    } else if (isBodyParseError(error)) {
      res.status(400).json({ error: 'The body is not valid JSON' });
    } else {
      next(error);
    }
  };
}

function isBodyParseError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.parse.failed'
  );
}
