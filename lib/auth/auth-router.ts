import express from 'express';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { Logger } from '../log/logger';
import {
  SpotifyFailure,
  SpotifyInvalidGrantError,
  type SpotifyAccountsClient,
  type SpotifyApiClient,
} from '../spotify';
import type { Clock } from '../time/clock';
import type { TokenManager } from '../tokens';
import { authPage } from './auth-page';
import { resolveAuthRouterOptions, type AuthRouterOptions } from './auth-router-options';
import { checkState, newStateValue, readStateCookie, STATE_COOKIE, stateCookieValue } from './oauth-state';
import { logoutRouter } from './logout-router';
import { SPOTIFY_SCOPES } from './spotify-scopes';
import { spotifyUserIdOf } from './spotify-user-id';
import { startUserSession } from './start-user-session';

export interface AuthRouterDeps {
  /** Builds the sign-in URL and trades the code for tokens. */
  accounts: Pick<SpotifyAccountsClient, 'authorizeUrl' | 'exchangeCode'>;
  /** Reads who signed in (`GET /v1/me`). */
  spotify: Pick<SpotifyApiClient, 'getMe'>;
  /** Stores the tokens, the refresh token encrypted. */
  tokens: Pick<TokenManager, 'signIn'>;
  /** The app's express-session middleware (store, secret and cookie already configured). */
  session: RequestHandler;
  /** The session field holding the user id (SESSION_USER_FIELD). */
  userField: string;
  /** The session cookie's name (SESSION_COOKIE_NAME), cleared on logout. */
  cookieName: string;
  /** Signs the short-lived state cookie (SESSION_SECRET will do; the first of a list signs, all verify). */
  cookieSecret: string | readonly string[];
  /** SPOTIFY_REDIRECT_URI: this router's `/auth/callback` as the browser reaches it (the state cookie's path). */
  redirectUri: string;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
  options?: Partial<AuthRouterOptions>;
}

const STATE_PROBLEMS = {
  missing: 'This sign-in did not start here (its state is missing), so it was refused.',
  mismatch: 'This sign-in did not start here (its state does not match), so it was refused.',
  expired: 'This sign-in took too long (its state expired), so it was refused.',
} as const;

/**
 * Spotify sign-in for real accounts (the authorization-code flow):
 * - `GET /auth/login`: a random state kept in a signed cookie (see oauth-state.ts), then a redirect to Spotify's
 *   `/authorize` asking for `user-read-playback-state` and `user-modify-playback-state`;
 * - `GET /auth/callback`: the state checked (missing, different or stale → 400), a refusal (`error`) shown,
 *   the code exchanged, the user read from `GET /v1/me`, the tokens stored (refresh token encrypted), a new
 *   session holding the user id, then a redirect to `/`;
 * - `POST /auth/logout`: the session destroyed and its cookie cleared, then a redirect (303) to `/`.
 * Dead ends answer a short HTML page that says what happened.
 */
export function createAuthRouter(deps: AuthRouterDeps): Router {
  const options = resolveAuthRouterOptions(deps.options);
  const secrets = typeof deps.cookieSecret === 'string' ? [deps.cookieSecret] : [...deps.cookieSecret];
  if (secrets.length === 0 || secrets.some((secret) => typeof secret !== 'string' || secret === '')) {
    throw new RangeError('Auth router: `cookieSecret` must be a non-empty string or a list of them');
  }
  if (!URL.canParse(deps.redirectUri)) {
    throw new RangeError(
      `Auth router: \`redirectUri\` must be an absolute URL, got ${JSON.stringify(deps.redirectUri)}`,
    );
  }
  // The state cookie goes only where Spotify sends the browser back.
  const statePath = new URL(deps.redirectUri).pathname;
  const router = express.Router();

  router.get('/auth/login', (req, res) => {
    const pending = { value: newStateValue(), expiresAt: deps.clock.now() + options.stateTtlMs };
    res.cookie(STATE_COOKIE, stateCookieValue(pending, secrets), {
      httpOnly: true,
      // Lax: the browser sends it on the top-level redirect back from Spotify.
      sameSite: 'lax',
      secure: req.secure,
      path: statePath,
      maxAge: options.stateTtlMs,
    });
    res.redirect(302, deps.accounts.authorizeUrl(SPOTIFY_SCOPES, pending.value, deps.redirectUri));
  });

  router.get('/auth/callback', deps.session, async (req, res) => {
    const query = singleValues(req.query);
    const state = checkState(readStateCookie(req.get('cookie'), secrets), query.state, deps.clock.now());
    // Each state answers one callback.
    res.clearCookie(STATE_COOKIE, { path: statePath });
    if (query.error !== undefined) {
      deps.logger.info('spotify sign-in declined', { reason: query.error });
      refuse(res, ...declined(query.error));
      return;
    }
    if (!state.ok) {
      deps.logger.warn('spotify sign-in refused', { reason: `state ${state.problem}` });
      refuse(res, 400, 'Sign-in refused', STATE_PROBLEMS[state.problem]);
      return;
    }
    if (query.code === undefined) {
      refuse(res, 400, 'Sign-in failed', 'Spotify sent no authorization code back.');
      return;
    }
    const grant = await deps.accounts.exchangeCode(query.code, deps.redirectUri);
    const userId = spotifyUserIdOf((await deps.spotify.getMe(grant.accessToken)).body);
    if (userId === null) {
      deps.logger.warn('spotify sign-in failed', { reason: 'no usable user id in GET /v1/me' });
      refuse(res, 502, 'Sign-in failed', 'Spotify did not say who signed in. Please try again.');
      return;
    }
    await deps.tokens.signIn(userId, grant);
    await startUserSession(req, deps.userField, userId);
    deps.logger.info('spotify sign-in', { userId });
    res.redirect(302, '/');
  });

  router.use(logoutRouter(deps.session, deps.cookieName));

  router.use('/auth', spotifyErrors(deps.logger));
  return router;
}

/** Spotify's refusals and outages during the callback, as pages; anything else is a bug for the app's handler. */
function spotifyErrors(logger: AuthRouterDeps['logger']) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent || !(error instanceof SpotifyFailure)) {
      next(error);
      return;
    }
    logger.warn('spotify sign-in failed', {
      operation: error.operation,
      failure: error.code,
      status: error.status,
    });
    if (error instanceof SpotifyInvalidGrantError) {
      refuse(
        res,
        400,
        'Sign-in failed',
        'Spotify did not accept the sign-in code (it expired or was used already).',
      );
    } else {
      refuse(res, 502, 'Sign-in failed', 'Spotify did not answer as expected. Please try again in a moment.');
    }
  };
}

function declined(error: string): [number, string, string] {
  if (error === 'access_denied') {
    return [
      403,
      'Sign-in cancelled',
      'You did not allow access to your Spotify account, so nothing was stored.',
    ];
  }
  return [400, 'Sign-in failed', `Spotify refused the sign-in (${error}).`];
}

function refuse(res: Response, status: number, title: string, message: string): void {
  res.status(status).type('html').send(authPage(title, message));
}

/** Express's parsed query as single strings (the first value of each name). */
function singleValues(query: Request['query']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(query)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[name] = first;
  }
  return out;
}
