/** Spotify sign-in for real accounts (authorization-code flow) and the session it starts. */
export { createAuthRouter, type AuthRouterDeps } from './auth-router';
export {
  DEFAULT_AUTH_ROUTER_OPTIONS,
  resolveAuthRouterOptions,
  type AuthRouterOptions,
} from './auth-router-options';
export { SPOTIFY_SCOPES } from './spotify-scopes';
export { startUserSession } from './start-user-session';
export { logoutRouter } from './logout-router';
