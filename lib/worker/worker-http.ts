import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** What the worker says about itself at `/health`. */
export interface WorkerHealth {
  status: 'ok' | 'degraded' | 'stopping';
  workerId: string;
  redis: 'up' | 'down' | 'not_used';
  /** The app-wide Spotify cooldown in force, if any. */
  cooldown: { until: number; reason: string } | null;
  usersOwned: number;
  /** ms since the epoch; null before the first. */
  lastSuccessfulPollAt: number | null;
  /** Requests spent in the current budget window, of `budgetLimit`. */
  budgetUsed: number;
  budgetLimit: number;
  uptimeSeconds: number;
  /** Why the status is not `ok`. */
  problems: string[];
}

export interface WorkerHttpServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The worker's own small HTTP server: `GET /health` (200 when ok, 503 otherwise, JSON either way) and
 * `GET /metrics` (Prometheus text). Nothing else.
 */
export async function startWorkerHttpServer(
  port: number,
  health: () => Promise<WorkerHealth>,
  registry: Registry,
): Promise<WorkerHttpServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || (path !== '/health' && path !== '/metrics')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const answer =
      path === '/health'
        ? health().then((body) => ({
            status: body.status === 'ok' ? 200 : 503,
            type: 'application/json',
            text: JSON.stringify(body),
          }))
        : registry.metrics().then((text) => ({ status: 200, type: registry.contentType, text }));
    answer.then(
      ({ status, type, text }) => res.writeHead(status, { 'content-type': type }).end(text),
      (error: unknown) =>
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  let closing: Promise<void> | null = null;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
