import type { RepeatState } from '../contract/items';
import type { ApiResponse } from './api-request';
import { errorResponse, respond } from './api-request';
import type { Catalog, CatalogItem } from './catalog';
import { isSpotifyUri } from './ids';
import type { ModelContext, Outcome } from './listener-model';
import {
  addToQueue,
  pause,
  playNew,
  resumeOn,
  seek,
  setRepeat,
  setShuffle,
  setVolume,
  skipNext,
  skipPrevious,
  transfer,
} from './listener-model';
import type { PlayerError } from './player-error';
import { DEVICE_NOT_FOUND, badRequest } from './player-error';
import type { ListenerState } from './player-state';
import type { SimListener } from './sim-listener';

/**
 * The Web API's player commands: parameters checked the way Spotify checks them (400 with its messages),
 * then the model's transition applied through the listener (which records the truth). 204 on success.
 */

export interface PlayerCall {
  listener: SimListener;
  at: number;
  /** e.g. `PUT /v1/me/player/pause`: the truth records it as the action. */
  endpoint: string;
  query: Record<string, string | undefined>;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  catalog: Catalog;
}

type Transition = (state: ListenerState, model: ModelContext) => Outcome;

function run(call: PlayerCall, transition: Transition): ApiResponse {
  const error = call.listener.command(call.at, call.endpoint, transition);
  return error ? errorResponse(error) : respond(204);
}

/** `device_id`, when given, must name one of the listener's devices. */
function targetDevice(call: PlayerCall): { deviceId: string | null } | { error: PlayerError } {
  const deviceId = call.query.device_id;
  if (deviceId === undefined || deviceId === '') return { deviceId: null };
  if (!call.listener.state.devices.some((d) => d.id === deviceId)) return { error: DEVICE_NOT_FOUND };
  return { deviceId };
}

/** Runs `transition` after checking `device_id`. */
function onDevice(call: PlayerCall, transition: Transition): ApiResponse {
  const target = targetDevice(call);
  return 'error' in target ? errorResponse(target.error) : run(call, transition);
}

function nonNegativeInt(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function pauseCommand(call: PlayerCall): ApiResponse {
  return onDevice(call, (state) => pause(state, call.at));
}

export function nextCommand(call: PlayerCall): ApiResponse {
  return onDevice(call, (state, model) => skipNext(state, call.at, model));
}

export function previousCommand(call: PlayerCall): ApiResponse {
  return onDevice(call, (state) => skipPrevious(state, call.at));
}

export function seekCommand(call: PlayerCall): ApiResponse {
  if (call.query.position_ms === undefined)
    return errorResponse(badRequest('Missing required parameter position_ms'));
  const positionMs = nonNegativeInt(call.query.position_ms);
  if (positionMs === null) return errorResponse(badRequest('Invalid position_ms'));
  return onDevice(call, (state, model) => seek(state, call.at, positionMs, model));
}

export function volumeCommand(call: PlayerCall): ApiResponse {
  const volume = nonNegativeInt(call.query.volume_percent);
  if (volume === null || volume > 100) {
    return errorResponse(badRequest('Invalid volume_percent: must be an integer from 0 to 100'));
  }
  return onDevice(call, (state) => setVolume(state, call.at, volume));
}

export function shuffleCommand(call: PlayerCall): ApiResponse {
  const value = call.query.state;
  if (value !== 'true' && value !== 'false')
    return errorResponse(badRequest('Invalid state: must be true or false'));
  return onDevice(call, (state, model) => setShuffle(state, call.at, value === 'true', model));
}

export function repeatCommand(call: PlayerCall): ApiResponse {
  const value = call.query.state;
  if (value !== 'track' && value !== 'context' && value !== 'off') {
    return errorResponse(badRequest('Invalid state: must be track, context or off'));
  }
  return onDevice(call, (state) => setRepeat(state, call.at, value as RepeatState));
}

export function queueCommand(call: PlayerCall): ApiResponse {
  const uri = call.query.uri;
  if (uri === undefined || uri === '') return errorResponse(badRequest('Missing required parameter uri'));
  if (!isSpotifyUri(uri, ['track', 'episode'])) return errorResponse(badRequest('Invalid base62 id'));
  const item = call.catalog.item(uri);
  if (!item) return errorResponse({ status: 404, message: 'Non existing id' });
  return onDevice(call, (state) => addToQueue(state, call.at, item));
}

/** `PUT /v1/me/player`: `{"device_ids": ["..."], "play": true}`. */
export function transferCommand(call: PlayerCall): ApiResponse {
  const body = call.body;
  if (!isObject(body) || !Array.isArray(body.device_ids)) {
    return errorResponse(badRequest('Missing required field: device_ids'));
  }
  const ids: unknown[] = body.device_ids;
  if (ids.length !== 1) return errorResponse(badRequest('Only one device_id is supported'));
  const [deviceId] = ids;
  if (typeof deviceId !== 'string') return errorResponse(badRequest('Invalid device_ids'));
  if (body.play !== undefined && typeof body.play !== 'boolean')
    return errorResponse(badRequest('Invalid play'));
  const play = body.play as boolean | undefined;
  return run(call, (state) => transfer(state, call.at, deviceId, play));
}

/** `PUT /v1/me/player/play`: a new context or list of uris from an offset, or (no body) resume. */
export function playCommand(call: PlayerCall): ApiResponse {
  const target = targetDevice(call);
  if ('error' in target) return errorResponse(target.error);
  const body = call.body ?? {};
  if (!isObject(body)) return errorResponse(badRequest('Malformed json'));
  const { context_uri: contextUri, uris, offset, position_ms: rawPosition } = body;
  const positionMs = rawPosition === undefined ? 0 : nonNegativeInt(rawPosition);
  if (positionMs === null) return errorResponse(badRequest('Invalid position_ms'));
  if (contextUri === undefined && uris === undefined) {
    return run(call, (state) => resumeOn(state, call.at, target.deviceId));
  }
  const source = playSource(call.catalog, contextUri, uris);
  if ('error' in source) return errorResponse(source.error);
  const items = 'context' in source ? source.context.items : source.items;
  const startIndex = offsetIndex(offset, items);
  if (typeof startIndex !== 'number') return errorResponse(startIndex.error);
  return run(call, (state, model) =>
    playNew(state, call.at, { source, startIndex, positionMs, deviceId: target.deviceId }, model),
  );
}

function playSource(
  catalog: Catalog,
  contextUri: unknown,
  uris: unknown,
):
  | { context: NonNullable<ReturnType<Catalog['context']>> }
  | { items: readonly CatalogItem[] }
  | { error: PlayerError } {
  if (contextUri !== undefined && uris !== undefined) {
    return { error: badRequest('Only one of either context_uri or uris can be specified') };
  }
  if (contextUri !== undefined) {
    if (
      typeof contextUri !== 'string' ||
      !isSpotifyUri(contextUri, ['album', 'playlist', 'artist', 'show'])
    ) {
      return { error: badRequest('Non supported context uri') };
    }
    const context = catalog.context(contextUri);
    return context ? { context } : { error: { status: 404, message: 'Not found.' } };
  }
  if (!Array.isArray(uris) || uris.length === 0) return { error: badRequest('Invalid uris') };
  const items: CatalogItem[] = [];
  for (const uri of uris) {
    const item = typeof uri === 'string' ? catalog.item(uri) : undefined;
    if (!item) return { error: badRequest(`Invalid track uri: ${String(uri)}`) };
    items.push(item);
  }
  return { items };
}

/** Spotify's `offset`: `{"position": 5}` or `{"uri": "spotify:track:..."}`. */
function offsetIndex(offset: unknown, items: readonly CatalogItem[]): number | { error: PlayerError } {
  if (offset === undefined) return 0;
  if (!isObject(offset)) return { error: badRequest('Invalid offset') };
  if (offset.position !== undefined) {
    const position = nonNegativeInt(offset.position);
    if (position === null || position >= items.length) return { error: badRequest('Invalid offset') };
    return position;
  }
  if (typeof offset.uri === 'string') {
    const index = items.findIndex((item) => item.uri === offset.uri);
    return index >= 0 ? index : { error: badRequest('Invalid offset') };
  }
  return { error: badRequest('Invalid offset') };
}
