import express from 'express';
import type { Router } from 'express';
import type { Registry } from 'prom-client';
import { webErrorHandler } from './error-handler';
import { methodNotAllowed } from './method-not-allowed';
import type { WebLog } from './web-log';

export interface MetricsRouterDeps {
  /** The process's registry (the composer registers the default process metrics on it). */
  registry: Registry;
  log: WebLog;
}

/** `GET /metrics`: the registry in Prometheus text format. */
export function metricsRouter(deps: MetricsRouterDeps): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    const text = await deps.registry.metrics();
    res.setHeader('Content-Type', deps.registry.contentType);
    res.send(text);
  });
  router.all('/metrics', methodNotAllowed('GET'));
  router.use(webErrorHandler(deps.log));
  return router;
}
