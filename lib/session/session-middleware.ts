import type { RequestHandler } from 'express';
import session, { type Store } from 'express-session';

export interface SessionMiddlewareOptions {
  /** SESSION_SECRET: signs the cookie. A list rotates secrets: the first signs, all are accepted. Required. */
  secret: string | readonly string[];
  /** SESSION_COOKIE_NAME. Default `connect.sid`. */
  cookieName: string;
  /** How long a session lasts after sign-in. Default 30 days. */
  maxAgeMs: number;
  /** `auto`: Secure when the request came over HTTPS (set Express' `trust proxy` behind a proxy). Default `auto`. */
  secure: boolean | 'auto';
}

export const DEFAULT_SESSION_MIDDLEWARE_OPTIONS = Object.freeze({
  cookieName: 'connect.sid',
  maxAgeMs: 30 * 24 * 60 * 60 * 1000,
  secure: 'auto' as const,
});

/**
 * express-session for the routes that sign a listener in (`/demo/login`, `/auth/callback`): they set
 * `req.session[userField] = userId` and save; `req.sessionID` is the session id. The cookie is HttpOnly,
 * SameSite=Lax and keeps its first expiry (no rolling); nothing is stored for visitors who never sign in.
 */
export function sessionMiddleware(
  store: Store,
  options: Partial<SessionMiddlewareOptions> & Pick<SessionMiddlewareOptions, 'secret'>,
): RequestHandler {
  const { secret, cookieName, maxAgeMs, secure } = { ...DEFAULT_SESSION_MIDDLEWARE_OPTIONS, ...options };
  const secrets = typeof secret === 'string' ? [secret] : [...secret];
  if (secrets.length === 0 || secrets.some((each) => typeof each !== 'string' || each.length === 0)) {
    throw new RangeError('sessionMiddleware: secret must be a non-empty string or a list of them');
  }
  if (typeof cookieName !== 'string' || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(cookieName)) {
    throw new RangeError(
      `sessionMiddleware: cookieName must be a cookie name token, got ${JSON.stringify(cookieName)}`,
    );
  }
  if (!Number.isSafeInteger(maxAgeMs) || maxAgeMs < 1000) {
    throw new RangeError(
      `sessionMiddleware: maxAgeMs must be an integer >= 1000, got ${JSON.stringify(maxAgeMs)}`,
    );
  }
  if (secure !== true && secure !== false && secure !== 'auto') {
    throw new RangeError(
      `sessionMiddleware: secure must be true, false or 'auto', got ${JSON.stringify(secure)}`,
    );
  }
  return session({
    store,
    secret: secrets,
    name: cookieName,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeMs },
  });
}
