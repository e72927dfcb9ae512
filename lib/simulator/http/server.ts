import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Express } from 'express';
import type { SimWorld } from '../world';
import { accountsRoutes } from './accounts-routes';
import { apiRoutes } from './api-routes';
import { controlRoutes } from './control-routes';
import type { SimulatorLog } from './simulator-log';
import { silentLog } from './simulator-log';

/**
 * The simulator over HTTP: the Web API (`/v1`), the accounts service (`/authorize`, `/api/token`) and the
 * control API (`/_sim`) on one port. Both service URLs are the same origin.
 */

export interface SimulatorServerOptions {
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Address to bind. Default 127.0.0.1. */
  host?: string;
  log?: SimulatorLog;
}

export interface RunningSimulator {
  /** Stands in for https://api.spotify.com (paths `/v1/...`). */
  apiUrl: string;
  /** Stands in for https://accounts.spotify.com. */
  accountsUrl: string;
  port: number;
  /** Stops listening and drops every connection (including hung requests). */
  close(): Promise<void>;
}

export function createSimulatorApp(world: SimWorld, log: SimulatorLog = silentLog): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(apiRoutes(world, log));
  app.use(accountsRoutes(world, log));
  app.use(controlRoutes(world, log));
  return app;
}

export async function startSimulatorServer(
  world: SimWorld,
  options: SimulatorServerOptions = {},
): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const app = createSimulatorApp(world, options.log);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    apiUrl: origin,
    accountsUrl: origin,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
