import { processEnv } from '../../../../lib/config';

/**
 * Variables the daemon reads: never inherited by a child, so the bench's own environment (a REDIS_URL set for
 * the tests, Spotify credentials in a developer's shell) cannot leak into the processes it starts.
 */
const DAEMON_VARIABLES =
  /^(PORT|WORKER_PORT|LOG_LEVEL|REDIS_.*|SPOTIFY_.*|TOKEN_ENCRYPTION_KEY|WEBSOCKET_MUSIC_.*|ALLOWED_ORIGINS|SESSION_.*|INTERNAL_API_TOKEN|ADMIN_TOKEN|WORKER_ID|LEASE_TTL_MS|ACTIVE_LINGER_MS|POLL_LOG_DIR|NODE_OPTIONS)$/;

/** This process's environment without the daemon's variables, plus `settings`. */
export function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(processEnv())) {
    if (!DAEMON_VARIABLES.test(name)) env[name] = value;
  }
  return { ...env, ...settings };
}
