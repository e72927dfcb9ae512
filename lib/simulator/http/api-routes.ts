import express from 'express';
import type { Router } from 'express';
import type { SimWorld } from '../world';
import { sendApiResponse, singleValues } from './send-response';
import type { SimulatorLog } from './simulator-log';

/** The Web API under `/v1`: every request goes to `world.request`, bodies are passed through as text. */
export function apiRoutes(world: SimWorld, log: SimulatorLog): Router {
  const router = express.Router();
  router.use('/v1', express.text({ type: () => true, limit: '1mb' }), (req, res, next) => {
    const path = `/v1${req.path === '/' ? '' : req.path}`;
    const response = world.request({
      method: req.method,
      path,
      query: singleValues(req.query),
      authorization: req.get('authorization'),
      body: typeof req.body === 'string' ? req.body : undefined,
    });
    log.debug('web api request', {
      method: req.method,
      path,
      status: response.wireFailure ?? response.status,
      latencyMs: response.latencyMs,
    });
    sendApiResponse(req, res, response, world.clock).catch(next);
  });
  return router;
}
