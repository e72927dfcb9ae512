import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { AppAction } from '../app-actions';
import { playerBody } from '../bodies';
import type { FaultRule } from '../faults';
import type { ListenerState } from '../player-state';
import { parseOrThrow } from '../schemas';
import { SimulatorOptionsError } from '../simulator-options-error';
import { UnknownListenerError } from '../unknown-listener-error';
import type { SimWorld } from '../world';
import {
  actBody,
  actorBody,
  addListenersBody,
  faultsBody,
  objectBody,
  outageBody,
  scriptBody,
} from './control-schemas';
import type { SimulatorLog } from './simulator-log';

/**
 * The control API for tests and benchmarks, under `/_sim` (JSON in, JSON out): listeners and their tokens,
 * actors and scripts, faults, consistency delay, the rate limit, the truth and the request counts. Bad bodies
 * answer 400 naming the field; unknown listeners 404.
 */
export function controlRoutes(world: SimWorld, log: SimulatorLog): Router {
  const router = express.Router();
  router.use('/_sim', express.json());

  router.get('/_sim', (_req, res) => {
    res.json({ clientId: world.clientId, now: world.advance(), listeners: world.listenerIds() });
  });

  router.post('/_sim/listeners', (req, res) => {
    const body = parseOrThrow(addListenersBody, req.body ?? {}, 'Request field');
    const { count, ...options } = body;
    const created = Array.from({ length: count }, () => world.addListener(options));
    log.info('listeners added', { ids: created.map((c) => c.id) });
    res.status(201).json({ listeners: created });
  });

  router.get('/_sim/listeners', (_req, res) => {
    world.advance();
    res.json({ listeners: world.listenerIds().map((id) => listenerSummary(world, id)) });
  });

  router.get('/_sim/listeners/:id', (req, res) => {
    const id = req.params.id as string;
    const at = world.advance();
    const trueState = world.trueState(id);
    const visible = world.visibleState(id);
    res.json({
      ...listenerSummary(world, id),
      truth: describe(trueState, at),
      visible: describe(visible, at),
    });
  });

  router.post('/_sim/listeners/:id/tokens', (req, res) => {
    res.status(201).json(world.issueTokens(req.params.id as string));
  });

  router.post('/_sim/listeners/:id/revoke', (req, res) => {
    world.revokeTokens(req.params.id as string);
    res.status(204).end();
  });

  router.post('/_sim/listeners/:id/expire', (req, res) => {
    world.expireTokens(req.params.id as string);
    res.status(204).end();
  });

  router.put('/_sim/listeners/:id/actor', (req, res) => {
    const id = req.params.id as string;
    const body = parseOrThrow(actorBody, req.body ?? {}, 'Request field');
    world.setActor(id, body.enabled === false ? false : (body.rates ?? true));
    res.json({ actorRates: world.listener(id).actorRates });
  });

  router.post('/_sim/listeners/:id/script', (req, res) => {
    const body = parseOrThrow(scriptBody, req.body ?? {}, 'Request field');
    const now = world.advance();
    world.script(
      req.params.id as string,
      body.actions.map((entry) => ({
        at: entry.at ?? now + (entry.inMs ?? 0),
        action: entry.action as AppAction,
      })),
    );
    res.status(204).end();
  });

  router.post('/_sim/listeners/:id/act', (req, res) => {
    const body = parseOrThrow(actBody, req.body ?? {}, 'Request field');
    res.json({ applied: world.act(req.params.id as string, body.action as AppAction) });
  });

  router.get('/_sim/truth', (req, res) => {
    const since = req.query.since === undefined ? 0 : Number(req.query.since);
    if (!Number.isInteger(since) || since < 0)
      throw new SimulatorOptionsError('Query `since` must be a seq (integer >= 0)');
    const listener = typeof req.query.listener === 'string' ? req.query.listener : undefined;
    const records = world.truthSince(since, listener);
    res.json({ records, next: world.truth.size });
  });

  router.get('/_sim/counts', (_req, res) => {
    res.json(world.countsSnapshot());
  });

  router.delete('/_sim/counts', (_req, res) => {
    world.counts.reset();
    res.status(204).end();
  });

  router.get('/_sim/faults', (_req, res) => {
    res.json({ rules: world.faults.active, accountsOutage: world.faults.accountsOutage });
  });

  router.put('/_sim/faults', (req, res) => {
    world.setFaults(parseOrThrow(faultsBody, req.body ?? {}, 'Request field').rules as FaultRule[]);
    res.json({ rules: world.faults.active });
  });

  router.post('/_sim/faults', (req, res) => {
    world.faults.add(parseOrThrow(faultsBody, req.body ?? {}, 'Request field').rules as FaultRule[]);
    res.json({ rules: world.faults.active });
  });

  router.delete('/_sim/faults', (_req, res) => {
    world.faults.clear();
    res.status(204).end();
  });

  router.put('/_sim/accounts-outage', (req, res) => {
    world.setAccountsOutage(parseOrThrow(outageBody, req.body ?? {}, 'Request field').down);
    res.json({ accountsOutage: world.faults.accountsOutage });
  });

  router.put('/_sim/consistency', (req, res) => {
    world.setConsistency(parseOrThrow(objectBody, req.body ?? {}, 'Request body'));
    res.json(world.settings.consistency);
  });

  router.get('/_sim/rate-limit', (_req, res) => {
    res.json({ ...world.rateWindow.settings, ...world.rateWindow.state(world.advance()) });
  });

  router.put('/_sim/rate-limit', (req, res) => {
    world.setRateLimit(parseOrThrow(objectBody, req.body ?? {}, 'Request body'));
    res.json(world.rateWindow.settings);
  });

  router.delete('/_sim/rate-limit', (_req, res) => {
    world.rateWindow.reset();
    res.status(204).end();
  });

  router.get('/_sim/catalog', (_req, res) => {
    const { catalog } = world;
    res.json({
      contexts: [...catalog.musicContexts, ...catalog.showContexts].map((c) => ({
        uri: c.uri,
        type: c.type,
        name: c.name,
        items: c.items.map((item) => item.uri),
      })),
      tracks: catalog.tracks.map((t) => ({ uri: t.uri, name: t.name, durationMs: t.durationMs })),
      episodes: catalog.episodes.map((e) => ({ uri: e.uri, name: e.name, durationMs: e.durationMs })),
    });
  });

  router.use('/_sim', controlErrors(log));
  return router;
}

function listenerSummary(world: SimWorld, id: string) {
  const listener = world.listener(id);
  return {
    id,
    displayName: listener.profile.displayName,
    actorRates: listener.actorRates,
    devices: listener.state.devices,
  };
}

/** A state as the player endpoint would show it, plus what the body does not carry. */
function describe(state: ListenerState, at: number) {
  return {
    player: playerBody(state, at, true),
    queue: state.queue.map((item) => item.uri),
    contextUri: state.context.uri,
  };
}

function controlErrors(log: SimulatorLog) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof SimulatorOptionsError) {
      res.status(400).json({ error: error.message, code: error.code });
    } else if (error instanceof UnknownListenerError) {
      res.status(404).json({ error: error.message, code: error.code });
    } else if (isBodyParseError(error)) {
      res.status(400).json({ error: 'The body is not valid JSON' });
    } else {
      log.warn('control request failed', { error: error instanceof Error ? error.message : String(error) });
      res.status(500).json({ error: 'Internal error' });
    }
  };
}

function isBodyParseError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.parse.failed'
  );
}
