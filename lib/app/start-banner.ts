import type { Config } from '../config';
import type { DemoWorld } from '../demo';

/** What `npm start` prints once it listens: what it is doing and where to look. */
export function startBanner(
  config: Readonly<Config>,
  port: number,
  demo: DemoWorld | null,
  adminToken: string | null,
): string {
  const base = `http://localhost:${port}`;
  const stores =
    config.redis.url === null ? 'in memory (lost on restart)' : `in Redis (${config.redis.prefix}*)`;
  const lines =
    demo === null
      ? [
          `spotify-state-daemon: polling signed-in listeners within ${config.budget.perWindow} requests per ${config.budget.windowMs / 1000} s, state ${stores}.`,
          '',
          `  web client      ${base}/            (listeners sign in with Spotify)`,
          `  ops page        ${base}/ops.html    (ADMIN_TOKEN ${config.adminToken === null ? 'not set: disabled' : 'set'})`,
        ]
      : [
          `spotify-state-daemon demo: a simulated Spotify with ${demo.listeners.length} listeners whose app keeps doing things`,
          '(skips, pauses, volume, device switches, queue adds); the poller watches them within a',
          `${config.budget.perWindow}-request per ${config.budget.windowMs / 1000} s budget and pushes every change to the web client.`,
          '',
          `  web client      ${base}/            pick a listener, watch their playback live, press controls, ask the AI`,
          `  listeners       ${demo.listeners.map((listener) => `${listener.userId} (${listener.displayName})`).join(', ')}`,
          `  ops page        ${base}/ops.html    token ${config.adminToken === null ? `${adminToken} (made up for this run; set ADMIN_TOKEN to choose)` : 'ADMIN_TOKEN'}`,
          `  health          ${base}/health/music`,
          '',
          'Set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (see config/single-node.env) to watch real Spotify accounts.',
        ];
  return `${lines.join('\n')}\nCtrl-C stops it.\n`;
}
