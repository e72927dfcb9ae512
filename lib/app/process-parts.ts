import { Redis } from 'ioredis';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Config } from '../config';
import type { Logger } from '../log/logger';
import { SpotifyAccountsClient, SpotifyApiClient } from '../spotify';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import { TokenCipher, TokenManager } from '../tokens';

/**
 * The pieces every process builds the same way from its configuration. Their callers have checked that what
 * they need is configured (`…ConfigProblem`), so a missing value here is a wiring mistake.
 */

/** The shared Redis: commands fail after two retries rather than queue while it is away (health reports it). */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  redis.on('error', (error: Error) => logger.warn('Redis connection problem', { error: error.message }));
  return redis;
}

/** A metrics registry with Node's process metrics in it. */
export function processRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The Web API and accounts clients at SPOTIFY_API_URL / SPOTIFY_ACCOUNTS_URL with the app's credentials. */
export function spotifyClients(
  config: Readonly<Config>,
  clock: Clock,
): { api: SpotifyApiClient; accounts: SpotifyAccountsClient } {
  const options = {
    apiUrl: config.spotify.apiUrl,
    accountsUrl: config.spotify.accountsUrl,
    timeoutMs: config.spotify.timeoutMs,
    clock,
  };
  const { clientId, clientSecret } = config.spotify;
  if (clientId === null || clientSecret === null) throw new Error('SPOTIFY_CLIENT_ID and SECRET are not set');
  return {
    api: new SpotifyApiClient(options),
    accounts: new SpotifyAccountsClient({ clientId, clientSecret }, options),
  };
}

/** Listeners' tokens, the refresh tokens encrypted with `key`, refreshed once across processes. */
export function tokenManager(
  stores: Pick<Stores, 'tokens' | 'refreshLocks'>,
  accounts: Pick<SpotifyAccountsClient, 'refresh'>,
  key: string,
  clock: Clock,
  ownerId: string,
): TokenManager {
  return new TokenManager({
    tokens: stores.tokens,
    refreshLocks: stores.refreshLocks,
    accounts,
    cipher: new TokenCipher(key),
    clock,
    ownerId,
  });
}
