import type { ApiRequest, ApiResponse } from './api-request';
import { errorResponse, respond } from './api-request';
import type { Catalog } from './catalog';
import type { FaultPlan } from './faults';
import type { PlayerCall } from './player-commands';
import {
  nextCommand,
  pauseCommand,
  playCommand,
  previousCommand,
  queueCommand,
  repeatCommand,
  seekCommand,
  shuffleCommand,
  transferCommand,
  volumeCommand,
} from './player-commands';
import type { PlayerError } from './player-error';
import { badRequest } from './player-error';
import {
  getCurrentlyPlaying,
  getDevices,
  getMe,
  getPlayer,
  getQueue,
  getRecentlyPlayed,
} from './player-reads';
import type { RateWindow } from './rate-window';
import type { RequestCounts } from './request-counts';
import type { SimListener } from './sim-listener';
import type { TokenStore } from './tokens';

/**
 * The Web API pipeline for one request, in Spotify's order: route (404/405), bearer token (401), the app-wide
 * rate limit (429 + Retry-After), injected faults, then the endpoint. Every request is counted.
 */

export interface ApiDeps {
  /** Catches the world up to the clock and returns the time. */
  advance(): number;
  listener(id: string): SimListener | undefined;
  catalog: Catalog;
  tokens: TokenStore;
  rateWindow: RateWindow;
  faults: FaultPlan;
  counts: RequestCounts;
}

type Handler = (call: PlayerCall) => ApiResponse;

const ROUTES = new Map<string, Record<string, Handler>>([
  ['/v1/me', { GET: getMe }],
  ['/v1/me/player', { GET: getPlayer, PUT: transferCommand }],
  ['/v1/me/player/currently-playing', { GET: getCurrentlyPlaying }],
  ['/v1/me/player/queue', { GET: getQueue, POST: queueCommand }],
  ['/v1/me/player/devices', { GET: getDevices }],
  ['/v1/me/player/recently-played', { GET: getRecentlyPlayed }],
  ['/v1/me/player/play', { PUT: playCommand }],
  ['/v1/me/player/pause', { PUT: pauseCommand }],
  ['/v1/me/player/next', { POST: nextCommand }],
  ['/v1/me/player/previous', { POST: previousCommand }],
  ['/v1/me/player/seek', { PUT: seekCommand }],
  ['/v1/me/player/volume', { PUT: volumeCommand }],
  ['/v1/me/player/shuffle', { PUT: shuffleCommand }],
  ['/v1/me/player/repeat', { PUT: repeatCommand }],
]);

const SERVER_ERROR_MESSAGES: Record<number, string> = {
  500: 'Server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable',
};

export function handleApiRequest(deps: ApiDeps, request: ApiRequest): ApiResponse {
  const at = deps.advance();
  const method = request.method.toUpperCase();
  const endpoint = `${method} ${request.path}`;
  const { response, listenerId } = answer(deps, request, method, endpoint, at);
  deps.counts.record(
    endpoint,
    response.wireFailure === 'hang' || response.wireFailure === 'reset'
      ? response.wireFailure
      : response.status,
    listenerId,
  );
  return response;
}

function answer(
  deps: ApiDeps,
  request: ApiRequest,
  method: string,
  endpoint: string,
  at: number,
): { response: ApiResponse; listenerId: string | null } {
  const route = ROUTES.get(request.path);
  if (!route)
    return { response: errorResponse({ status: 404, message: 'Service not found' }), listenerId: null };
  const handler = route[method];
  if (!handler)
    return { response: errorResponse({ status: 405, message: 'Method not allowed' }), listenerId: null };

  const auth = authenticate(deps, request.authorization, at);
  if ('error' in auth) return { response: auth.error, listenerId: null };
  const { listener } = auth;
  const listenerId = listener.id;

  const decision = deps.rateWindow.check(at);
  if (!decision.allowed) {
    deps.counts.recordRateLimited({ at, retryAfterSeconds: decision.retryAfterSeconds, listenerId });
    return { response: rateLimited(deps, decision.retryAfterSeconds), listenerId };
  }

  const fault = deps.faults.decide({ method, path: request.path, listenerId });
  const delayed = (response: ApiResponse): ApiResponse => ({ ...response, latencyMs: fault.latencyMs });
  const failure = fault.failure;
  if (failure?.kind === 'status') {
    const message = SERVER_ERROR_MESSAGES[failure.status] ?? 'Server error.';
    return { response: delayed(errorResponse({ status: failure.status, message })), listenerId };
  }
  if (failure?.kind === 'hang' || failure?.kind === 'reset') {
    return { response: { ...delayed(respond(0)), wireFailure: failure.kind }, listenerId };
  }

  const body = parseBody(request.body);
  if (body === MALFORMED)
    return { response: delayed(errorResponse(badRequest('Error parsing json'))), listenerId };
  const query = request.query ?? {};
  const response = delayed(handler({ listener, at, endpoint, query, body, catalog: deps.catalog }));
  if (failure?.kind === 'malformed' && response.body !== undefined) {
    return { response: { ...response, wireFailure: 'malformed' }, listenerId };
  }
  return { response, listenerId };
}

function authenticate(
  deps: ApiDeps,
  authorization: string | undefined,
  at: number,
): { listener: SimListener } | { error: ApiResponse } {
  if (authorization === undefined || authorization.trim() === '')
    return { error: unauthorized('No token provided') };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { error: errorResponse(badRequest('Only valid bearer authentication supported')) };
  const result = deps.tokens.authenticate(match[1] as string, at);
  if ('unauthorized' in result) return { error: unauthorized(result.unauthorized) };
  const listener = deps.listener(result.listenerId);
  return listener ? { listener } : { error: unauthorized('Invalid access token') };
}

function unauthorized(message: string): ApiResponse {
  const error: PlayerError = { status: 401, message };
  return errorResponse(error, {
    'www-authenticate': `Bearer realm="spotify", error="invalid_token", error_description="${message}"`,
  });
}

function rateLimited(deps: ApiDeps, retryAfterSeconds: number): ApiResponse {
  const headers = { 'retry-after': String(retryAfterSeconds) };
  const style = deps.rateWindow.settings.body;
  if (style === 'none') return respond(429, undefined, headers);
  const error: PlayerError = { status: 429, message: 'API rate limit exceeded' };
  if (style === 'quota') error.reason = 'QUOTA_EXCEEDED';
  return errorResponse(error, headers);
}

const MALFORMED = Symbol('malformed');

/** A JSON text as received (empty: no body), or a value an in-process caller already parsed. */
function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return MALFORMED;
  }
}
