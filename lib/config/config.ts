import { hostname } from 'node:os';
import { isValidKeyPart } from '../store/key-part';
import { ConfigError } from './config-error';
import { EnvReader, type Env } from './env-reader';

/**
 * Everything the processes are configured with, parsed once at start from the environment into a frozen
 * object. Names follow the seed plan where it has them. Nothing else reads the environment.
 */
export interface Config {
  /** `demo` when neither Spotify credentials nor SPOTIFY_API_URL are given: `npm start` embeds the simulator. */
  mode: 'demo' | 'deployment';
  /** PORT: the web process (gateway, web client). Default 3000. */
  port: number;
  /** WORKER_PORT: the worker's own /health and /metrics. Default 3001. */
  workerPort: number;
  /** LOG_LEVEL: error, warn, info, debug. Default info. */
  logLevel: LogLevel;
  redis: {
    /** REDIS_URL; null means in-memory stores (single process only). */
    url: string | null;
    /** REDIS_KEY_PREFIX: prefix of every key the daemon writes. Default `music:`. */
    prefix: string;
  };
  spotify: {
    /** SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET from Spotify's developer dashboard. */
    clientId: string | null;
    clientSecret: string | null;
    /** SPOTIFY_REDIRECT_URI: where Spotify sends listeners back after sign-in. Default http://localhost:PORT/auth/callback. */
    redirectUri: string;
    /** SPOTIFY_API_URL. Default https://api.spotify.com. */
    apiUrl: string;
    /** SPOTIFY_ACCOUNTS_URL. Default https://accounts.spotify.com. */
    accountsUrl: string;
    /** SPOTIFY_TIMEOUT_MS: per request. Default 5000. */
    timeoutMs: number;
  };
  /** TOKEN_ENCRYPTION_KEY: 32 bytes, hex or base64; encrypts refresh tokens at rest. Required in deployment mode. */
  tokenEncryptionKey: string | null;
  budget: {
    /** SPOTIFY_BUDGET_PER_30S: requests the daemon may spend per window, all workers together. Default 100. */
    perWindow: number;
    /** SPOTIFY_BUDGET_WINDOW_MS: the window's length. Default 30 000 (Spotify's rolling window). */
    windowMs: number;
  };
  websocket: {
    /** WEBSOCKET_MUSIC_ENABLED. Default true. */
    enabled: boolean;
    /** WEBSOCKET_MUSIC_MAX_CONNECTIONS_PER_USER. Default 5. */
    maxConnectionsPerUser: number;
    /** WEBSOCKET_MUSIC_EVENT_RATE_LIMIT: per user per minute, both outbound events and client calls. Default 100. */
    eventRateLimit: number;
    /** WEBSOCKET_MUSIC_BUFFER_SIZE: events kept per user for replay. Default 50. */
    bufferSize: number;
    /** ALLOWED_ORIGINS: comma-separated origins allowed to connect; empty allows same-origin only. */
    allowedOrigins: string[];
  };
  session: {
    /** SESSION_SECRET: signs the session cookie. Required in deployment mode. */
    secret: string | null;
    /** SESSION_PREFIX: the session store's key prefix. Default `sess:`. */
    prefix: string;
    /** SESSION_USER_FIELD: the field of the session JSON holding the user id. Default `userId`. */
    userField: string;
    /** SESSION_COOKIE_NAME. Default `connect.sid`. */
    cookieName: string;
  };
  /** INTERNAL_API_TOKEN: bearer token for POST /internal/hints and /internal/commands; null disables them. */
  internalApiToken: string | null;
  /** ADMIN_TOKEN: bearer token for the ops page and run-time tuning; null disables them. */
  adminToken: string | null;
  worker: {
    /** WORKER_ID: this worker's name in leases and metrics. Default `<hostname>-<pid>`. */
    id: string;
    /** LEASE_TTL_MS: a dead worker's listeners are taken over within this. Default 15 000. */
    leaseTtlMs: number;
    /** ACTIVE_LINGER_MS: keep polling this long after a listener's last client leaves. Default 60 000. */
    lingerMs: number;
    /** POLL_LOG_DIR: where recorded poll logs go. Default `poll-logs`. */
    pollLogDir: string;
  };
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Parses and validates `env`; throws ConfigError listing every problem. */
export function loadConfig(env: Env, pid = process.pid): Readonly<Config> {
  const read = new EnvReader(env);
  const port = read.integer('PORT', 3000, 0, 65535);
  const clientId = read.optionalString('SPOTIFY_CLIENT_ID');
  const apiUrl = read.url('SPOTIFY_API_URL', ['http:', 'https:']);
  const mode = clientId === null && apiUrl === null ? 'demo' : 'deployment';
  if (mode === 'deployment') {
    const why = 'when SPOTIFY_CLIENT_ID or SPOTIFY_API_URL is set (unset both for the demo)';
    read.require('SPOTIFY_CLIENT_ID', why);
    read.require('SPOTIFY_CLIENT_SECRET', why);
    read.require('TOKEN_ENCRYPTION_KEY', `${why}; generate one with \`openssl rand -base64 32\``);
    read.require('SESSION_SECRET', `${why}; any long random string`);
  }
  const logLevel = read.string('LOG_LEVEL', 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    read.problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`);
  }
  const keyPrefix = read.string('REDIS_KEY_PREFIX', 'music:');
  if (!/^[A-Za-z0-9._-]+:$/.test(keyPrefix)) {
    read.problems.push(
      `REDIS_KEY_PREFIX must be letters, digits, . _ - and end with ":", got ${JSON.stringify(keyPrefix)}`,
    );
  }
  const config: Config = {
    mode,
    port,
    workerPort: read.integer('WORKER_PORT', 3001, 0, 65535),
    logLevel: logLevel as LogLevel,
    redis: { url: read.url('REDIS_URL', ['redis:', 'rediss:']), prefix: keyPrefix },
    spotify: {
      clientId,
      clientSecret: read.optionalString('SPOTIFY_CLIENT_SECRET'),
      redirectUri:
        read.url('SPOTIFY_REDIRECT_URI', ['http:', 'https:']) ?? `http://localhost:${port}/auth/callback`,
      apiUrl: apiUrl ?? 'https://api.spotify.com',
      accountsUrl: read.url('SPOTIFY_ACCOUNTS_URL', ['http:', 'https:']) ?? 'https://accounts.spotify.com',
      timeoutMs: read.integer('SPOTIFY_TIMEOUT_MS', 5000, 100, 120_000),
    },
    tokenEncryptionKey: read.optionalString('TOKEN_ENCRYPTION_KEY'),
    budget: {
      perWindow: read.integer('SPOTIFY_BUDGET_PER_30S', 100, 1, 100_000),
      windowMs: read.integer('SPOTIFY_BUDGET_WINDOW_MS', 30_000, 1000, 3_600_000),
    },
    websocket: {
      enabled: read.boolean('WEBSOCKET_MUSIC_ENABLED', true),
      maxConnectionsPerUser: read.integer('WEBSOCKET_MUSIC_MAX_CONNECTIONS_PER_USER', 5, 1, 1000),
      eventRateLimit: read.integer('WEBSOCKET_MUSIC_EVENT_RATE_LIMIT', 100, 1, 100_000),
      bufferSize: read.integer('WEBSOCKET_MUSIC_BUFFER_SIZE', 50, 1, 100_000),
      allowedOrigins: read.list('ALLOWED_ORIGINS'),
    },
    session: {
      secret: read.optionalString('SESSION_SECRET'),
      prefix: read.string('SESSION_PREFIX', 'sess:'),
      userField: read.string('SESSION_USER_FIELD', 'userId'),
      cookieName: read.string('SESSION_COOKIE_NAME', 'connect.sid'),
    },
    internalApiToken: read.optionalString('INTERNAL_API_TOKEN'),
    adminToken: read.optionalString('ADMIN_TOKEN'),
    worker: {
      id: read.string('WORKER_ID', `${hostname()}-${pid}`),
      leaseTtlMs: read.integer('LEASE_TTL_MS', 15_000, 1000, 600_000),
      lingerMs: read.integer('ACTIVE_LINGER_MS', 60_000, 0, 3_600_000),
      pollLogDir: read.string('POLL_LOG_DIR', 'poll-logs'),
    },
  };
  if (!isValidKeyPart(config.worker.id)) {
    read.problems.push(
      `WORKER_ID must be 1–128 of the characters A-Z a-z 0-9 . _ - @ + =, got ${JSON.stringify(config.worker.id)}`,
    );
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return deepFreeze(config);
}

/** The process's own environment: the one place it is read. */
export function processEnv(): Env {
  // eslint-disable-next-line no-restricted-syntax -- configuration is read here and nowhere else
  return process.env;
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  }
  return Object.freeze(value);
}
