import type { RepeatState } from '../contract/items';
import { apiRequest } from './request-builders';
import { sendSpotifyRequest, type HttpMethod } from './send-spotify-request';
import {
  checkDeviceTarget,
  checkInteger,
  checkSecret,
  checkText,
  playBody,
  recentlyPlayedQuery,
  REPEAT_STATES,
  type DeviceTarget,
  type PlayRequest,
  type RecentlyPlayedQuery,
} from './spotify-api-arguments';
import {
  resolveSpotifyClientOptions,
  type ResolvedSpotifyClientOptions,
  type SpotifyClientOptions,
} from './spotify-client-options';
import type { ExpectedBody } from './spotify-exchange';
import type { SpotifyCommandResult, SpotifyReadResult } from './spotify-results';

/** Episodes (and their progress) are reported only when asked for; the daemon always wants both kinds. */
const ADDITIONAL_TYPES = { additional_types: 'track,episode' };

/**
 * The Web API calls the daemon makes, for any listener: each takes that listener's access token. Requests are
 * built with spotify-web-api-node's builders, pointed at `apiUrl`; every failure rejects with a SpotifyFailure
 * subclass (see `classifySpotifyExchange`). Reads return Spotify's raw JSON with status and headers; commands
 * return status and headers. Invalid arguments reject with a RangeError before anything is sent.
 */
export class SpotifyApiClient {
  private readonly options: Readonly<ResolvedSpotifyClientOptions>;

  constructor(options: Partial<SpotifyClientOptions> = {}) {
    this.options = resolveSpotifyClientOptions(options);
  }

  /** `GET /v1/me/player`: the playback state; 204 (no active device) gives `body: undefined`. */
  async getPlayer(accessToken: string): Promise<SpotifyReadResult> {
    return this.read(accessToken, '/v1/me/player', 'json-or-empty', ADDITIONAL_TYPES);
  }

  /** `GET /v1/me/player/currently-playing`: like `getPlayer`, without device, shuffle and repeat. */
  async getCurrentlyPlaying(accessToken: string): Promise<SpotifyReadResult> {
    return this.read(accessToken, '/v1/me/player/currently-playing', 'json-or-empty', ADDITIONAL_TYPES);
  }

  /** `GET /v1/me/player/queue`: `{ currently_playing, queue }` (the library has no method for it). */
  async getQueue(accessToken: string): Promise<SpotifyReadResult> {
    return this.read(accessToken, '/v1/me/player/queue', 'json');
  }

  /** `GET /v1/me/player/devices`: `{ devices: [...] }`. */
  async getDevices(accessToken: string): Promise<SpotifyReadResult> {
    return this.read(accessToken, '/v1/me/player/devices', 'json');
  }

  /** `GET /v1/me/player/recently-played`: a cursor-paged list of play history. */
  async getRecentlyPlayed(accessToken: string, query: RecentlyPlayedQuery = {}): Promise<SpotifyReadResult> {
    return this.read(accessToken, '/v1/me/player/recently-played', 'json', recentlyPlayedQuery(query));
  }

  /** `GET /v1/me`: the listener's profile. */
  async getMe(accessToken: string): Promise<SpotifyReadResult> {
    return this.read(accessToken, '/v1/me', 'json');
  }

  /** `PUT /v1/me/player/play`: resume, or start `uris` / `contextUri`. */
  async play(accessToken: string, request: PlayRequest = {}): Promise<SpotifyCommandResult> {
    const body = playBody(request);
    return this.command(accessToken, 'PUT', '/v1/me/player/play', checkDeviceTarget(request), body);
  }

  /** `PUT /v1/me/player/pause`. */
  async pause(accessToken: string, target: DeviceTarget = {}): Promise<SpotifyCommandResult> {
    return this.command(accessToken, 'PUT', '/v1/me/player/pause', checkDeviceTarget(target));
  }

  /** `POST /v1/me/player/next`. */
  async next(accessToken: string, target: DeviceTarget = {}): Promise<SpotifyCommandResult> {
    return this.command(accessToken, 'POST', '/v1/me/player/next', checkDeviceTarget(target));
  }

  /** `POST /v1/me/player/previous`. */
  async previous(accessToken: string, target: DeviceTarget = {}): Promise<SpotifyCommandResult> {
    return this.command(accessToken, 'POST', '/v1/me/player/previous', checkDeviceTarget(target));
  }

  /** `PUT /v1/me/player/seek?position_ms=`. */
  async seek(
    accessToken: string,
    positionMs: number,
    target: DeviceTarget = {},
  ): Promise<SpotifyCommandResult> {
    const query = { position_ms: checkInteger('positionMs', positionMs, 0), ...checkDeviceTarget(target) };
    return this.command(accessToken, 'PUT', '/v1/me/player/seek', query);
  }

  /** `PUT /v1/me/player/volume?volume_percent=` (0–100). */
  async setVolume(
    accessToken: string,
    volumePercent: number,
    target: DeviceTarget = {},
  ): Promise<SpotifyCommandResult> {
    const query = {
      volume_percent: checkInteger('volumePercent', volumePercent, 0, 100),
      ...checkDeviceTarget(target),
    };
    return this.command(accessToken, 'PUT', '/v1/me/player/volume', query);
  }

  /** `PUT /v1/me/player/shuffle?state=true|false`. */
  async setShuffle(
    accessToken: string,
    state: boolean,
    target: DeviceTarget = {},
  ): Promise<SpotifyCommandResult> {
    if (typeof state !== 'boolean') {
      throw new RangeError(`Spotify call: \`state\` must be a boolean, got ${JSON.stringify(state)}`);
    }
    return this.command(accessToken, 'PUT', '/v1/me/player/shuffle', { state, ...checkDeviceTarget(target) });
  }

  /** `PUT /v1/me/player/repeat?state=off|track|context`. */
  async setRepeat(
    accessToken: string,
    state: RepeatState,
    target: DeviceTarget = {},
  ): Promise<SpotifyCommandResult> {
    if (!REPEAT_STATES.includes(state)) {
      throw new RangeError(
        `Spotify call: \`state\` must be one of ${REPEAT_STATES.join(', ')}, got ${JSON.stringify(state)}`,
      );
    }
    return this.command(accessToken, 'PUT', '/v1/me/player/repeat', { state, ...checkDeviceTarget(target) });
  }

  /** `PUT /v1/me/player` `{ device_ids: [deviceId], play? }`: move playback to another device. */
  async transfer(
    accessToken: string,
    deviceId: string,
    options: { play?: boolean } = {},
  ): Promise<SpotifyCommandResult> {
    const body = { device_ids: [checkText('deviceId', deviceId)], play: options.play };
    return this.command(accessToken, 'PUT', '/v1/me/player', {}, body);
  }

  /** `POST /v1/me/player/queue?uri=`: append a track or episode to the queue. */
  async addToQueue(
    accessToken: string,
    uri: string,
    target: DeviceTarget = {},
  ): Promise<SpotifyCommandResult> {
    const query = { uri: checkText('uri', uri), ...checkDeviceTarget(target) };
    return this.command(accessToken, 'POST', '/v1/me/player/queue', query);
  }

  private async read(
    accessToken: string,
    path: string,
    expect: ExpectedBody,
    query: Record<string, unknown> = {},
  ): Promise<SpotifyReadResult> {
    const request = apiRequest(this.options.api, checkSecret('accessToken', accessToken), path)
      .withQueryParameters(query)
      .build();
    const { status, headers, receivedAt, body } = await sendSpotifyRequest(
      request,
      'GET',
      { service: 'api', expect },
      this.options,
    );
    return { status, headers, receivedAt, body: body.kind === 'json' ? body.value : undefined };
  }

  private async command(
    accessToken: string,
    method: HttpMethod,
    path: string,
    query: Record<string, unknown>,
    jsonBody?: Record<string, unknown>,
  ): Promise<SpotifyCommandResult> {
    const builder = apiRequest(
      this.options.api,
      checkSecret('accessToken', accessToken),
      path,
    ).withQueryParameters(query);
    if (jsonBody !== undefined) {
      builder.withHeaders({ 'Content-Type': 'application/json' }).withBodyParameters(jsonBody);
    }
    const { status, headers, receivedAt } = await sendSpotifyRequest(
      builder.build(),
      method,
      { service: 'api', expect: 'ignored' },
      this.options,
    );
    return { status, headers, receivedAt };
  }
}
