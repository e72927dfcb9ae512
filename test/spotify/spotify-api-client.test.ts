import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { SpotifyApiClient } from '../../lib/spotify/spotify-api-client';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { captureNext, isolateNetwork, type CapturedRequest } from './nock-capture';

const BASE = 'http://127.0.0.1:4010';
const TOKEN = 'access-token-of-listener-1';

isolateNetwork();

function client(options: ConstructorParameters<typeof SpotifyApiClient>[0] = {}): SpotifyApiClient {
  return new SpotifyApiClient({ apiUrl: BASE, ...options });
}

type Expected = Pick<CapturedRequest, 'method' | 'path' | 'query' | 'body'>;

describe('SpotifyApiClient: each call reaches the right endpoint at the configured base URL', () => {
  const reads: Array<[string, (c: SpotifyApiClient) => Promise<unknown>, Expected]> = [
    [
      'getPlayer',
      (c) => c.getPlayer(TOKEN),
      { method: 'GET', path: '/v1/me/player', query: { additional_types: 'track,episode' }, body: '' },
    ],
    [
      'getCurrentlyPlaying',
      (c) => c.getCurrentlyPlaying(TOKEN),
      {
        method: 'GET',
        path: '/v1/me/player/currently-playing',
        query: { additional_types: 'track,episode' },
        body: '',
      },
    ],
    [
      'getQueue',
      (c) => c.getQueue(TOKEN),
      { method: 'GET', path: '/v1/me/player/queue', query: {}, body: '' },
    ],
    [
      'getDevices',
      (c) => c.getDevices(TOKEN),
      { method: 'GET', path: '/v1/me/player/devices', query: {}, body: '' },
    ],
    [
      'getRecentlyPlayed',
      (c) => c.getRecentlyPlayed(TOKEN),
      { method: 'GET', path: '/v1/me/player/recently-played', query: {}, body: '' },
    ],
    [
      'getRecentlyPlayed with paging',
      (c) => c.getRecentlyPlayed(TOKEN, { limit: 50, after: 1764000000000 }),
      {
        method: 'GET',
        path: '/v1/me/player/recently-played',
        query: { limit: '50', after: '1764000000000' },
        body: '',
      },
    ],
    ['getMe', (c) => c.getMe(TOKEN), { method: 'GET', path: '/v1/me', query: {}, body: '' }],
  ];

  it.each(reads)('%s', async (_name, call, expected) => {
    const body = { some: 'json', nested: [1, 2] };
    const { request } = captureNext(BASE, expected.method, {
      status: 200,
      body,
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r-1' },
    });
    const result = await call(client());
    expect(request()).toMatchObject({ ...expected, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(result).toEqual({
      status: 200,
      body,
      headers: expect.objectContaining({ 'x-request-id': 'r-1', 'content-type': 'application/json' }),
      receivedAt: expect.any(Number),
    });
  });

  const commands: Array<[string, (c: SpotifyApiClient) => Promise<unknown>, Expected]> = [
    [
      'play (resume)',
      (c) => c.play(TOKEN),
      { method: 'PUT', path: '/v1/me/player/play', query: {}, body: '{}' },
    ],
    [
      'play uris at an offset on a device',
      (c) =>
        c.play(TOKEN, {
          uris: ['spotify:track:a', 'spotify:track:b'],
          offset: { position: 1 },
          positionMs: 2500,
          deviceId: 'dev-1',
        }),
      {
        method: 'PUT',
        path: '/v1/me/player/play',
        query: { device_id: 'dev-1' },
        body: JSON.stringify({
          uris: ['spotify:track:a', 'spotify:track:b'],
          offset: { position: 1 },
          position_ms: 2500,
        }),
      },
    ],
    [
      'play a context from a track',
      (c) => c.play(TOKEN, { contextUri: 'spotify:album:x', offset: { uri: 'spotify:track:c' } }),
      {
        method: 'PUT',
        path: '/v1/me/player/play',
        query: {},
        body: JSON.stringify({ context_uri: 'spotify:album:x', offset: { uri: 'spotify:track:c' } }),
      },
    ],
    ['pause', (c) => c.pause(TOKEN), { method: 'PUT', path: '/v1/me/player/pause', query: {}, body: '' }],
    [
      'pause a device',
      (c) => c.pause(TOKEN, { deviceId: 'dev-1' }),
      { method: 'PUT', path: '/v1/me/player/pause', query: { device_id: 'dev-1' }, body: '' },
    ],
    ['next', (c) => c.next(TOKEN), { method: 'POST', path: '/v1/me/player/next', query: {}, body: '' }],
    [
      'previous',
      (c) => c.previous(TOKEN, { deviceId: 'dev-2' }),
      { method: 'POST', path: '/v1/me/player/previous', query: { device_id: 'dev-2' }, body: '' },
    ],
    [
      'seek',
      (c) => c.seek(TOKEN, 61_000),
      { method: 'PUT', path: '/v1/me/player/seek', query: { position_ms: '61000' }, body: '' },
    ],
    [
      'setVolume',
      (c) => c.setVolume(TOKEN, 0, { deviceId: 'dev-1' }),
      {
        method: 'PUT',
        path: '/v1/me/player/volume',
        query: { volume_percent: '0', device_id: 'dev-1' },
        body: '',
      },
    ],
    [
      'setShuffle',
      (c) => c.setShuffle(TOKEN, false),
      { method: 'PUT', path: '/v1/me/player/shuffle', query: { state: 'false' }, body: '' },
    ],
    [
      'setRepeat',
      (c) => c.setRepeat(TOKEN, 'context'),
      { method: 'PUT', path: '/v1/me/player/repeat', query: { state: 'context' }, body: '' },
    ],
    [
      'transfer',
      (c) => c.transfer(TOKEN, 'dev-3', { play: true }),
      {
        method: 'PUT',
        path: '/v1/me/player',
        query: {},
        body: JSON.stringify({ device_ids: ['dev-3'], play: true }),
      },
    ],
    [
      'transfer without play',
      (c) => c.transfer(TOKEN, 'dev-3'),
      { method: 'PUT', path: '/v1/me/player', query: {}, body: JSON.stringify({ device_ids: ['dev-3'] }) },
    ],
    [
      'addToQueue',
      (c) => c.addToQueue(TOKEN, 'spotify:episode:e 1'),
      { method: 'POST', path: '/v1/me/player/queue', query: { uri: 'spotify:episode:e 1' }, body: '' },
    ],
  ];

  it.each(commands)('%s', async (_name, call, expected) => {
    const { request } = captureNext(BASE, expected.method, {
      status: 204,
      headers: { 'X-Request-Id': 'r-2' },
    });
    const result = await call(client());
    const sent = request();
    expect(sent).toMatchObject({ ...expected, headers: { authorization: `Bearer ${TOKEN}` } });
    if (expected.body !== '') expect(sent.headers['content-type']).toBe('application/json');
    expect(result).toEqual({
      status: 204,
      headers: expect.objectContaining({ 'x-request-id': 'r-2' }),
      receivedAt: expect.any(Number),
    });
  });

  it('sends Content-Length: 0 with a bodiless POST (Spotify answers 411 without it)', async () => {
    // fetch adds the header on the wire, below where nock intercepts: a real loopback server sees it.
    const seen: Array<string | undefined> = [];
    const server = createServer((req, res) => {
      seen.push(req.headers['content-length']);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await client({ apiUrl: `http://127.0.0.1:${port}` }).next(TOKEN);
      expect(seen).toEqual(['0']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('SpotifyApiClient: responses', () => {
  it.each([
    ['getPlayer', (c: SpotifyApiClient) => c.getPlayer(TOKEN)],
    ['getCurrentlyPlaying', (c: SpotifyApiClient) => c.getCurrentlyPlaying(TOKEN)],
  ])('%s: 204 (no active device) is a result without a body', async (_name, call) => {
    captureNext(BASE, 'GET', { status: 204, headers: { 'X-Request-Id': 'r-3' } });
    await expect(call(client())).resolves.toEqual({
      status: 204,
      body: undefined,
      headers: expect.objectContaining({ 'x-request-id': 'r-3' }),
      receivedAt: expect.any(Number),
    });
  });

  it('stamps receivedAt from the injected clock', async () => {
    captureNext(BASE, 'GET', { status: 200, body: { is_playing: false } });
    const result = await client({ clock: new VirtualClock(1_764_000_123_456) }).getPlayer(TOKEN);
    expect(result.receivedAt).toBe(1_764_000_123_456);
  });

  it('keeps the headers of a success, Retry-After included', async () => {
    captureNext(BASE, 'PUT', { status: 202, headers: { 'Retry-After': '1', 'X-Custom': 'kept' } });
    const result = await client().pause(TOKEN);
    expect(result).toMatchObject({ status: 202, headers: { 'retry-after': '1', 'x-custom': 'kept' } });
  });

  it('puts a base URL path prefix before every path', async () => {
    const { request } = captureNext(BASE, 'GET', { status: 200, body: {} });
    await client({ apiUrl: `${BASE}/spotify/` }).getQueue(TOKEN);
    expect(request().path).toBe('/spotify/v1/me/player/queue');
  });

  it('defaults to api.spotify.com over https', async () => {
    const scope = nock('https://api.spotify.com').get('/v1/me').reply(200, { id: 'me' });
    nock.enableNetConnect('api.spotify.com');
    try {
      await expect(new SpotifyApiClient().getMe(TOKEN)).resolves.toMatchObject({ body: { id: 'me' } });
      expect(scope.isDone()).toBe(true);
    } finally {
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
    }
  });
});

describe('SpotifyApiClient: arguments are checked before anything is sent', () => {
  it.each<[string, (c: SpotifyApiClient) => Promise<unknown>, RegExp]>([
    ['an empty token', (c) => c.getPlayer(''), /`accessToken` must be a non-empty string/],
    [
      'a token with a line break',
      (c) => c.getPlayer('abc\ndef'),
      /`accessToken` must be a non-empty string of visible ASCII/,
    ],
    [
      'a volume over 100',
      (c) => c.setVolume(TOKEN, 101),
      /`volumePercent` must be an integer from 0 to 100, got 101/,
    ],
    ['a negative seek', (c) => c.seek(TOKEN, -1), /`positionMs` must be an integer from 0/],
    ['a fractional seek', (c) => c.seek(TOKEN, 1.5), /`positionMs` must be an integer/],
    [
      'uris and contextUri',
      (c) => c.play(TOKEN, { uris: ['a'], contextUri: 'b' }),
      /`uris` and `contextUri` are exclusive/,
    ],
    ['empty uris', (c) => c.play(TOKEN, { uris: [] }), /`uris` must be a non-empty array/],
    [
      'an offset alone',
      (c) => c.play(TOKEN, { offset: { position: 0 } }),
      /`offset` needs `uris` or `contextUri`/,
    ],
    [
      'a bad offset',
      (c) => c.play(TOKEN, { uris: ['a'], offset: {} as { position: number } }),
      /`offset` must be/,
    ],
    ['a blank device id', (c) => c.pause(TOKEN, { deviceId: ' ' }), /`deviceId` must be a non-empty string/],
    [
      'a bad repeat state',
      (c) => c.setRepeat(TOKEN, 'all' as 'off'),
      /`state` must be one of off, track, context/,
    ],
    [
      'a non-boolean shuffle',
      (c) => c.setShuffle(TOKEN, 'true' as unknown as boolean),
      /`state` must be a boolean/,
    ],
    ['a blank queue uri', (c) => c.addToQueue(TOKEN, ''), /`uri` must be a non-empty string/],
    [
      'a limit over 50',
      (c) => c.getRecentlyPlayed(TOKEN, { limit: 51 }),
      /`limit` must be an integer from 1 to 50/,
    ],
    [
      'after and before',
      (c) => c.getRecentlyPlayed(TOKEN, { after: 1, before: 2 }),
      /`after` and `before` are exclusive/,
    ],
  ])('%s', async (_name, call, message) => {
    const scopes = ['GET', 'PUT', 'POST'].map((method) => nock(BASE).intercept(/.*/, method).reply(204));
    await expect(call(client())).rejects.toThrow(message);
    expect(scopes.map((scope) => scope.isDone())).toEqual([false, false, false]);
  });

  it('never repeats a token in an argument error', async () => {
    await expect(client().getPlayer(123 as unknown as string)).rejects.toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('123') }),
    );
  });
});
