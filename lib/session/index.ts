/** The web app's sessions: the express-session stores, the middleware, and the resolver the gateway uses. */
export { MemorySessionStore } from './memory-session-store';
export { RedisSessionStore } from './redis-session-store';
export {
  DEFAULT_SESSION_MIDDLEWARE_OPTIONS,
  sessionMiddleware,
  type SessionMiddlewareOptions,
} from './session-middleware';
export { cookieValue, isPlausibleSessionId, sessionIdFromCookie, type CookieSessionId } from './session-id';
export type { SessionCredentials, SessionLookup, SessionResolver } from './session-lookup';
export type { SessionReader } from './session-reader';
export { DEFAULT_SESSION_TTL_MS, sessionExpiresAt, sessionField, sessionTtlSeconds } from './session-record';
export { createSessionStore, type SessionStore } from './session-store';
export {
  DEFAULT_STORE_SESSION_RESOLVER_OPTIONS,
  StoreSessionResolver,
  type StoreSessionResolverOptions,
} from './store-session-resolver';
