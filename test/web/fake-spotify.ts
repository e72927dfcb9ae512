import type { SpotifyCommandResult, SpotifyReadResult } from '../../lib/spotify';
import {
  SpotifyRateLimitedError,
  SpotifyRequestRejectedError,
  SpotifyTimeoutError,
  SpotifyUnauthorizedError,
  SpotifyUpstreamError,
} from '../../lib/spotify';
import { ReauthRequiredError } from '../../lib/tokens';
import type { ControlSpotify } from '../../lib/web';

export interface SpotifyCall {
  method: string;
  token: string;
  args: unknown[];
}

const details = (status: number | null) => ({
  service: 'api' as const,
  operation: 'PUT /v1/me/player',
  status,
  headers: {},
});

/** The failures the tests script. */
export const failures = {
  unauthorized: () => new SpotifyUnauthorizedError(details(401), 'The access token expired'),
  rateLimited: (retryAfterMs: number, reason: string | null = null) =>
    new SpotifyRateLimitedError(details(429), retryAfterMs, true, reason),
  noActiveDevice: () =>
    new SpotifyRequestRejectedError(
      { ...details(404), status: 404 },
      'Player command failed: No active device found',
      'NO_ACTIVE_DEVICE',
    ),
  badUri: () => new SpotifyRequestRejectedError({ ...details(400), status: 400 }, 'Invalid track uri', null),
  upstream: () => new SpotifyUpstreamError({ ...details(502), status: 502 }, 'Bad gateway'),
  timeout: () => new SpotifyTimeoutError(details(null), 5000),
};

/**
 * Stands in for SpotifyApiClient's command methods and `getDevices`: records each call (with what `onCall`
 * returns at that moment) and fails the next calls with the scripted errors.
 */
export class FakeSpotify implements ControlSpotify {
  readonly calls: (SpotifyCall & { seen: unknown })[] = [];
  private readonly scripted: Error[] = [];
  devicesBody: unknown = { devices: [] };

  constructor(private readonly onCall: () => Promise<unknown> = async () => null) {}

  failNext(...errors: Error[]): void {
    this.scripted.push(...errors);
  }

  private async record(method: string, token: string, args: unknown[]): Promise<SpotifyCommandResult> {
    this.calls.push({ method, token, args, seen: await this.onCall() });
    const failure = this.scripted.shift();
    if (failure) throw failure;
    return { status: 204, headers: {}, receivedAt: 0 };
  }

  play = (token: string, ...args: unknown[]) => this.record('play', token, args);
  pause = (token: string, ...args: unknown[]) => this.record('pause', token, args);
  next = (token: string, ...args: unknown[]) => this.record('next', token, args);
  previous = (token: string, ...args: unknown[]) => this.record('previous', token, args);
  seek = (token: string, ...args: unknown[]) => this.record('seek', token, args);
  setVolume = (token: string, ...args: unknown[]) => this.record('setVolume', token, args);
  setShuffle = (token: string, ...args: unknown[]) => this.record('setShuffle', token, args);
  setRepeat = (token: string, ...args: unknown[]) => this.record('setRepeat', token, args);
  transfer = (token: string, ...args: unknown[]) => this.record('transfer', token, args);

  async getDevices(token: string): Promise<SpotifyReadResult> {
    const result = await this.record('getDevices', token, []);
    return { ...result, status: 200, body: this.devicesBody };
  }
}

/** Tokens `token-<user>-<n>`: `afterUnauthorized` hands out the next n; users in `reauth` have none. */
export class FakeTokens {
  readonly reauth = new Set<string>();
  readonly refreshed: string[] = [];
  private readonly generation = new Map<string, number>();

  async accessToken(userId: string): Promise<string> {
    if (this.reauth.has(userId)) throw new ReauthRequiredError(userId);
    return `token-${userId}-${this.generation.get(userId) ?? 0}`;
  }

  async afterUnauthorized(userId: string, rejected: string): Promise<string> {
    this.refreshed.push(rejected);
    this.generation.set(userId, (this.generation.get(userId) ?? 0) + 1);
    return this.accessToken(userId);
  }
}
