import type { RepeatState } from '../contract/items';

/** Which device a command targets; Spotify's active device when omitted. */
export interface DeviceTarget {
  deviceId?: string;
}

/** `PUT /v1/me/player/play`: resume when empty, else start the given items. */
export interface PlayRequest extends DeviceTarget {
  /** Tracks or episodes to play, in order. Exclusive with `contextUri`. */
  uris?: readonly string[];
  /** An album, playlist, artist or show to play. Exclusive with `uris`. */
  contextUri?: string;
  /** Where in `uris` or the context to start: by index or by item URI. */
  offset?: { position: number } | { uri: string };
  /** Position in the first item to start from. */
  positionMs?: number;
}

/** `GET /v1/me/player/recently-played` paging: at most one of `after`/`before` (ms since the epoch). */
export interface RecentlyPlayedQuery {
  /** 1–50; Spotify's default is 20. */
  limit?: number;
  after?: number;
  before?: number;
}

export const REPEAT_STATES: readonly RepeatState[] = ['off', 'track', 'context'];

// Arguments are checked before anything is sent, so a caller's mistake never costs a request of the budget.

/**
 * For tokens, codes and the client secret: the message never repeats the value. Visible ASCII only, as OAuth
 * tokens are; anything else would also make fetch reject the header with the value in its message.
 */
export function checkSecret(name: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
    throw new RangeError(`Spotify call: \`${name}\` must be a non-empty string of visible ASCII characters`);
  }
  return value;
}

export function checkText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RangeError(
      `Spotify call: \`${name}\` must be a non-empty string, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function checkInteger(
  name: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `Spotify call: \`${name}\` must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function checkDeviceTarget(target: DeviceTarget): { device_id: string | undefined } {
  return { device_id: target.deviceId === undefined ? undefined : checkText('deviceId', target.deviceId) };
}

/** The JSON body of a play request, in Spotify's field names. */
export function playBody(request: PlayRequest): Record<string, unknown> {
  const { uris, contextUri, offset, positionMs } = request;
  if (uris !== undefined && contextUri !== undefined) {
    throw new RangeError('Spotify call: `uris` and `contextUri` are exclusive, got both');
  }
  if (uris !== undefined && (!Array.isArray(uris) || uris.length === 0)) {
    throw new RangeError(`Spotify call: \`uris\` must be a non-empty array, got ${JSON.stringify(uris)}`);
  }
  if (offset !== undefined && uris === undefined && contextUri === undefined) {
    throw new RangeError('Spotify call: `offset` needs `uris` or `contextUri`');
  }
  return {
    ...(contextUri !== undefined && { context_uri: checkText('contextUri', contextUri) }),
    ...(uris !== undefined && { uris: uris.map((uri, i) => checkText(`uris[${i}]`, uri)) }),
    ...(offset !== undefined && { offset: offsetBody(offset) }),
    ...(positionMs !== undefined && { position_ms: checkInteger('positionMs', positionMs, 0) }),
  };
}

function offsetBody(offset: PlayRequest['offset']): Record<string, unknown> {
  if (typeof offset === 'object' && offset !== null && 'position' in offset) {
    return { position: checkInteger('offset.position', offset.position, 0) };
  }
  if (typeof offset === 'object' && offset !== null && 'uri' in offset) {
    return { uri: checkText('offset.uri', offset.uri) };
  }
  throw new RangeError(
    `Spotify call: \`offset\` must be { position } or { uri }, got ${JSON.stringify(offset)}`,
  );
}

export function recentlyPlayedQuery(query: RecentlyPlayedQuery): Record<string, number | undefined> {
  const { limit, after, before } = query;
  if (after !== undefined && before !== undefined) {
    throw new RangeError('Spotify call: `after` and `before` are exclusive, got both');
  }
  return {
    limit: limit === undefined ? undefined : checkInteger('limit', limit, 1, 50),
    after: after === undefined ? undefined : checkInteger('after', after, 0),
    before: before === undefined ? undefined : checkInteger('before', before, 0),
  };
}
