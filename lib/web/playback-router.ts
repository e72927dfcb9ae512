import express from 'express';
import type { RequestHandler, Router } from 'express';
import type { PlaybackState } from '../contract/events';
import type { SessionResolver } from '../session';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import { errorFields } from '../log/error-fields';
import { webErrorHandler } from './error-handler';
import { methodNotAllowed } from './method-not-allowed';
import { queueView } from './queue-view';
import { resolveRouterOptions } from './router-options';
import { requireSession, sessionUserId } from './session-auth';
import type { WebLog } from './web-log';

export interface PlaybackRouterDeps {
  sessions: SessionResolver;
  stores: Pick<Stores, 'playbackStates' | 'latestState' | 'eventStreams' | 'activeUsers' | 'bus'>;
  clock: Clock;
  log: WebLog;
}

export interface PlaybackRouterOptions {
  /**
   * A read keeps the listener polled this long, as a subscribed socket does: a client that cannot hold a socket
   * polls these routes instead (seed 4.1), and the workers only poll active listeners. Default 60 000.
   */
  activeForMs: number;
}

export const DEFAULT_PLAYBACK_ROUTER_OPTIONS: Readonly<PlaybackRouterOptions> = Object.freeze({
  activeForMs: 60_000,
});

/** The answer of `GET /api/playback`. */
export interface PlaybackAnswer {
  /** The latest state the workers published, or null before the first (the worker is nudged to poll). */
  playbackState: PlaybackState | null;
  /** The newest event of the listener's stream: a socket opened later passes it to replay what follows. */
  lastEventId?: string;
}

/**
 * The HTTP fallback of the web client (seed 4.1), session-authenticated:
 * - `GET /api/playback` → `{ playbackState, lastEventId? }` (see `PlaybackAnswer`), as `requestPlaybackSync`;
 * - `GET /api/queue` → `{ queue: { currentUri, items, totalItems, observedAt } | null }`, the upcoming queue as
 *   the worker last observed it (it polls the queue less often than the player: see `observedAt`);
 * - `GET /api/me` → `{ userId }`.
 * Reading the state or the queue marks the listener active for `activeForMs`; finding none nudges the worker.
 */
export function playbackRouter(
  deps: PlaybackRouterDeps,
  options: Partial<PlaybackRouterOptions> = {},
): Router {
  const { activeForMs } = resolveRouterOptions('Playback router', DEFAULT_PLAYBACK_ROUTER_OPTIONS, options, {
    activeForMs: [1, 86_400_000],
  });
  const { stores, clock, log } = deps;
  const session = requireSession(deps.sessions, log);
  const noStore: RequestHandler = (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
  const nudge = (userId: string) =>
    stores.bus
      .publish(userId)
      .catch((error: unknown) => log.warn('nudge failed', { userId, ...errorFields(error) }));

  const router = express.Router();
  router.get('/api/playback', session, noStore, async (_req, res) => {
    const userId = sessionUserId(res);
    await stores.activeUsers.touch(userId, clock.now() + activeForMs);
    // The id first: the state read after it is at least as new, so replaying from it misses nothing.
    const lastEventId = await stores.eventStreams.lastId(userId);
    const playbackState = (await stores.playbackStates.get(userId)) as PlaybackState | null;
    if (playbackState === null) await nudge(userId);
    const answer: PlaybackAnswer = { playbackState, ...(lastEventId === null ? {} : { lastEventId }) };
    res.json(answer);
  });
  router.get('/api/queue', session, noStore, async (_req, res) => {
    const userId = sessionUserId(res);
    await stores.activeUsers.touch(userId, clock.now() + activeForMs);
    const queue = queueView(await stores.latestState.get(userId));
    if (queue === null) await nudge(userId);
    res.json({ queue });
  });
  router.get('/api/me', session, noStore, (_req, res) => {
    res.json({ userId: sessionUserId(res) });
  });
  router.all(['/api/playback', '/api/queue', '/api/me'], methodNotAllowed('GET'));
  router.use(webErrorHandler(log));
  return router;
}
