import { startSimulatorServer, type SimulatorLog, type SimWorld } from '../simulator';
import { SpotifyAccountsClient, SpotifyApiClient, type SpotifyAppCredentials } from '../spotify';

export interface DemoSimulatorOptions {
  /** Where the simulator reports what it serves. Default: nothing. */
  log?: SimulatorLog;
  /** Per request of the two clients. Default the adapter's (5000). */
  timeoutMs?: number;
}

export interface DemoSimulator {
  /** The simulated api.spotify.com and accounts.spotify.com (the same loopback origin). */
  apiUrl: string;
  accountsUrl: string;
  /** The app credentials the simulator accepts. */
  app: SpotifyAppCredentials;
  /** The Spotify adapter's two clients, pointed at the simulator, on the world's clock. */
  api: SpotifyApiClient;
  accounts: SpotifyAccountsClient;
  close(): Promise<void>;
}

/**
 * Serves the demo's simulator on a free loopback port (127.0.0.1:0) and points the Spotify adapter at it.
 * Loopback rather than a path on the web server: the simulator's control API (`/_sim`) and its accounts service
 * stay off the public port, its URL is known before the web server listens (so the worker, the demo routes and
 * sign-in can be built in any order), and every call goes through the same adapter code, over HTTP, as in a
 * deployment.
 */
export async function startDemoSimulator(
  world: SimWorld,
  options: DemoSimulatorOptions = {},
): Promise<DemoSimulator> {
  const running = await startSimulatorServer(world, {
    host: '127.0.0.1',
    port: 0,
    ...(options.log === undefined ? {} : { log: options.log }),
  });
  const clientOptions = {
    apiUrl: running.apiUrl,
    accountsUrl: running.accountsUrl,
    timeoutMs: options.timeoutMs,
    clock: world.clock,
  };
  const app = { clientId: world.clientId, clientSecret: world.clientSecret };
  return {
    apiUrl: running.apiUrl,
    accountsUrl: running.accountsUrl,
    app,
    api: new SpotifyApiClient(clientOptions),
    accounts: new SpotifyAccountsClient(app, clientOptions),
    close: () => running.close(),
  };
}
