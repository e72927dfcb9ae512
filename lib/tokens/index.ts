/** Spotify tokens: encrypted at rest, refreshed once per user across every worker. */
export { ReauthRequiredError } from './reauth-required-error';
export { RefreshWaitTimeoutError } from './refresh-wait-timeout-error';
export { TokenCipher } from './token-cipher';
export { TokenCipherError } from './token-cipher-error';
export {
  DEFAULT_TOKEN_MANAGER_OPTIONS,
  TokenManager,
  type TokenManagerDeps,
  type TokenManagerOptions,
} from './token-manager';
