import type { ApiResponse } from './api-request';
import { errorResponse, respond } from './api-request';
import {
  currentlyPlayingBody,
  devicesBody,
  playerBody,
  queueBody,
  recentlyPlayedBody,
  userBody,
} from './bodies';
import type { PlayerCall } from './player-commands';
import { badRequest } from './player-error';

/** The Web API's reads: the state the API shows at the time of the call (which may lag the truth). */

/** `additional_types=track,episode`: without `episode`, an episode shows as `item: null`. */
function wantsEpisodes(call: PlayerCall): boolean {
  return (call.query.additional_types ?? '').split(',').some((type) => type.trim() === 'episode');
}

function shown(call: PlayerCall) {
  return call.listener.visible.at(call.at);
}

export function getPlayer(call: PlayerCall): ApiResponse {
  const body = playerBody(shown(call), call.at, wantsEpisodes(call));
  return body ? respond(200, body) : respond(204);
}

export function getCurrentlyPlaying(call: PlayerCall): ApiResponse {
  const body = currentlyPlayingBody(shown(call), call.at, wantsEpisodes(call));
  return body ? respond(200, body) : respond(204);
}

export function getQueue(call: PlayerCall): ApiResponse {
  return respond(200, queueBody(shown(call)));
}

export function getDevices(call: PlayerCall): ApiResponse {
  return respond(200, devicesBody(shown(call)));
}

function optionalMs(value: string | undefined): number | null | undefined {
  if (value === undefined) return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

export function getRecentlyPlayed(call: PlayerCall): ApiResponse {
  const limit = call.query.limit === undefined ? 20 : Number(call.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) return errorResponse(badRequest('Invalid limit'));
  const before = optionalMs(call.query.before);
  const after = optionalMs(call.query.after);
  if (before === undefined || after === undefined) return errorResponse(badRequest('Invalid cursor'));
  if (before !== null && after !== null) {
    return errorResponse(badRequest('Only one of either before or after can be specified'));
  }
  return respond(200, recentlyPlayedBody(shown(call), { limit, before, after }));
}

export function getMe(call: PlayerCall): ApiResponse {
  return respond(200, userBody(call.listener.profile));
}
