import { classifySpotifyExchange } from '../../lib/spotify/classify-spotify-exchange';
import type { ResponseBody } from '../../lib/spotify/response-body';
import type { ExchangeContext, ExpectedBody, SpotifyExchange } from '../../lib/spotify/spotify-exchange';
import { SpotifyFailure } from '../../lib/spotify/spotify-failure';
import type { SpotifyService } from '../../lib/spotify/spotify-headers';

const RECEIVED_AT = Date.UTC(2026, 0, 1);

function context(service: SpotifyService = 'api', expect: ExpectedBody = 'json'): ExchangeContext {
  return { service, operation: 'GET /v1/me/player', expect, timeoutMs: 5000, defaultRetryAfterMs: 30_000 };
}

function response(status: number, body: ResponseBody = { kind: 'empty' }, headers = {}): SpotifyExchange {
  return { kind: 'response', status, headers, body, receivedAt: RECEIVED_AT };
}

const json = (value: unknown): ResponseBody => ({ kind: 'json', value });

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** fetch's own wrapping: `TypeError: fetch failed` with the socket error as the cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('classifySpotifyExchange', () => {
  describe('lets usable successes through', () => {
    it.each<[string, SpotifyExchange, ExchangeContext]>([
      ['200 with JSON', response(200, json({ is_playing: true })), context('api', 'json')],
      ['204 for a player read', response(204), context('api', 'json-or-empty')],
      ['200 with an empty body for a player read', response(200), context('api', 'json-or-empty')],
      ['204 for a command', response(204), context('api', 'ignored')],
      [
        '202 with garbage for a command',
        response(202, { kind: 'malformed', problem: 'x' }),
        context('api', 'ignored'),
      ],
      [
        '200 with JSON from the accounts service',
        response(200, json({ access_token: 'a' })),
        context('accounts'),
      ],
    ])('%s', (_name, exchange, ctx) => {
      expect(classifySpotifyExchange(exchange, ctx)).toBeNull();
    });
  });

  describe('classifies failures', () => {
    it.each<[string, SpotifyExchange, ExchangeContext, Record<string, unknown>]>([
      [
        '429 with Retry-After',
        response(429, json({ error: { status: 429, message: 'API rate limit exceeded' } }), {
          'retry-after': '19056',
        }),
        context(),
        {
          code: 'SPOTIFY_RATE_LIMITED',
          status: 429,
          retryAfterMs: 19_056_000,
          retryAfterFromHeader: true,
          reason: null,
        },
      ],
      [
        '429 without Retry-After',
        response(429),
        context(),
        { code: 'SPOTIFY_RATE_LIMITED', retryAfterMs: 30_000, retryAfterFromHeader: false, reason: null },
      ],
      [
        '429 QUOTA_EXCEEDED',
        response(429, json({ error: { status: 429, message: 'Quota exceeded', reason: 'QUOTA_EXCEEDED' } }), {
          'retry-after': '86400',
        }),
        context(),
        { code: 'SPOTIFY_RATE_LIMITED', retryAfterMs: 86_400_000, reason: 'QUOTA_EXCEEDED' },
      ],
      [
        '429 from the accounts service',
        response(429, { kind: 'empty' }, { 'retry-after': '3' }),
        context('accounts'),
        { code: 'SPOTIFY_RATE_LIMITED', service: 'accounts', retryAfterMs: 3000 },
      ],
      [
        'Web API 401',
        response(401, json({ error: { status: 401, message: 'The access token expired' } })),
        context(),
        { code: 'SPOTIFY_UNAUTHORIZED', status: 401, spotifyMessage: 'The access token expired' },
      ],
      [
        'accounts invalid_grant',
        response(400, json({ error: 'invalid_grant', error_description: 'Refresh token revoked' })),
        context('accounts'),
        { code: 'SPOTIFY_INVALID_GRANT', status: 400, description: 'Refresh token revoked' },
      ],
      [
        'accounts invalid_grant without a description',
        response(400, json({ error: 'invalid_grant' })),
        context('accounts'),
        { code: 'SPOTIFY_INVALID_GRANT', description: null },
      ],
      [
        'accounts 401 invalid_client is not a token problem',
        response(401, json({ error: 'invalid_client', error_description: 'Invalid client secret' })),
        context('accounts'),
        { code: 'SPOTIFY_REQUEST_REJECTED', status: 401, spotifyMessage: 'Invalid client secret' },
      ],
      [
        'a Web API body saying invalid_grant is not the accounts service',
        response(400, json({ error: 'invalid_grant' })),
        context('api'),
        { code: 'SPOTIFY_REQUEST_REJECTED', status: 400 },
      ],
      [
        '204 where a body is promised',
        response(204),
        context('api', 'json'),
        { code: 'SPOTIFY_NO_CONTENT', status: 204 },
      ],
      [
        '500',
        response(500, json({ error: { status: 500, message: 'Server error' } })),
        context(),
        { code: 'SPOTIFY_UPSTREAM', status: 500, spotifyMessage: 'Server error' },
      ],
      [
        '502 with an HTML page',
        response(502, { kind: 'malformed', problem: 'not JSON' }),
        context(),
        { code: 'SPOTIFY_UPSTREAM', status: 502, spotifyMessage: null },
      ],
      [
        '503 from the accounts service is an outage, not invalid_grant',
        response(503, json({ error: 'invalid_grant' })),
        context('accounts'),
        { code: 'SPOTIFY_UPSTREAM', status: 503 },
      ],
      [
        '200 with malformed JSON',
        response(200, { kind: 'malformed', problem: 'not JSON: Unexpected token' }),
        context('api', 'json-or-empty'),
        { code: 'SPOTIFY_MALFORMED_BODY', status: 200, problem: 'not JSON: Unexpected token' },
      ],
      [
        '404 NO_ACTIVE_DEVICE',
        response(
          404,
          json({ error: { status: 404, message: 'No active device found', reason: 'NO_ACTIVE_DEVICE' } }),
        ),
        context('api', 'ignored'),
        {
          code: 'SPOTIFY_REQUEST_REJECTED',
          status: 404,
          spotifyMessage: 'No active device found',
          reason: 'NO_ACTIVE_DEVICE',
        },
      ],
      [
        '403 PREMIUM_REQUIRED',
        response(
          403,
          json({ error: { status: 403, message: 'Premium required', reason: 'PREMIUM_REQUIRED' } }),
        ),
        context('api', 'ignored'),
        { code: 'SPOTIFY_REQUEST_REJECTED', status: 403, reason: 'PREMIUM_REQUIRED' },
      ],
      [
        'an unfollowed redirect',
        response(304),
        context(),
        { code: 'SPOTIFY_REQUEST_REJECTED', status: 304, spotifyMessage: null },
      ],
      [
        'our timer fired',
        {
          kind: 'no-response',
          error: new DOMException('This operation was aborted', 'AbortError'),
          timedOut: true,
        },
        context(),
        { code: 'SPOTIFY_TIMEOUT', status: null, timeoutMs: 5000, headers: {} },
      ],
      [
        'a socket timeout',
        {
          kind: 'no-response',
          error: fetchFailed(systemError('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error')),
          timedOut: false,
        },
        context(),
        { code: 'SPOTIFY_TIMEOUT' },
      ],
      [
        'a reset (the library once threw a TypeError here: #340)',
        { kind: 'no-response', error: systemError('ECONNRESET', 'read ECONNRESET'), timedOut: false },
        context(),
        { code: 'SPOTIFY_CONNECTION', status: null, causeCode: 'ECONNRESET' },
      ],
      [
        'a refusal wrapped by fetch',
        {
          kind: 'no-response',
          error: fetchFailed(systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9')),
          timedOut: false,
        },
        context(),
        { code: 'SPOTIFY_CONNECTION', causeCode: 'ECONNREFUSED' },
      ],
      [
        'a refusal on every address (AggregateError)',
        {
          kind: 'no-response',
          error: fetchFailed(
            new AggregateError([systemError('ECONNREFUSED', 'connect ECONNREFUSED ::1:9')], ''),
          ),
          timedOut: false,
        },
        context(),
        { code: 'SPOTIFY_CONNECTION', causeCode: 'ECONNREFUSED' },
      ],
      [
        'an error with no code',
        { kind: 'no-response', error: fetchFailed(new Error('bad port')), timedOut: false },
        context(),
        { code: 'SPOTIFY_CONNECTION', causeCode: null },
      ],
      [
        'something thrown that is not an Error',
        { kind: 'no-response', error: 'boom', timedOut: false },
        context(),
        { code: 'SPOTIFY_CONNECTION', causeCode: null },
      ],
    ])('%s', (_name, exchange, ctx, expected) => {
      const failure = classifySpotifyExchange(exchange, ctx);
      expect(failure).toBeInstanceOf(SpotifyFailure);
      expect(failure).toMatchObject({ service: ctx.service, operation: ctx.operation, ...expected });
      expect(failure?.name).toBe(failure?.constructor.name);
      expect(failure?.message).toMatch(/^Spotify GET \/v1\/me\/player: /);
    });
  });

  it('keeps the response headers on the failure', () => {
    const headers = { 'retry-after': '5', 'x-request-id': 'abc' };
    expect(classifySpotifyExchange(response(500, { kind: 'empty' }, headers), context())?.headers).toEqual(
      headers,
    );
  });

  it("names the innermost cause in a connection failure's message", () => {
    const failure = classifySpotifyExchange(
      {
        kind: 'no-response',
        error: fetchFailed(systemError('ECONNRESET', 'read ECONNRESET')),
        timedOut: false,
      },
      context(),
    );
    expect(failure?.message).toBe(
      'Spotify GET /v1/me/player: connection failed (ECONNRESET): read ECONNRESET',
    );
  });
});
