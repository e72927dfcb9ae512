import express from 'express';
import type { Router } from 'express';
import type { SimWorld } from '../world';
import { sendApiResponse, singleValues } from './send-response';
import type { SimulatorLog } from './simulator-log';

/** The accounts service: `GET /authorize` and `POST /api/token` (form-encoded, as Spotify takes it). */
export function accountsRoutes(world: SimWorld, log: SimulatorLog): Router {
  const router = express.Router();
  router.get('/authorize', (req, res, next) => {
    const response = world.authorize(singleValues(req.query));
    log.info('authorize', { status: response.wireFailure ?? response.status });
    sendApiResponse(req, res, response, world.clock).catch(next);
  });
  router.post('/api/token', express.urlencoded({ extended: false }), (req, res, next) => {
    const form = singleValues(req.body);
    const response = world.token(req.get('authorization'), form);
    log.info('token request', {
      grantType: form.grant_type,
      status: response.wireFailure ?? response.status,
    });
    sendApiResponse(req, res, response, world.clock).catch(next);
  });
  return router;
}
