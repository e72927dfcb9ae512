import type { LibraryRequestBuilder } from 'spotify-web-api-node/src/base-request';
import SpotifyWebApi from 'spotify-web-api-node';
import type { RunningSimulator } from '../../lib/simulator/http/server';
import { startSimulatorServer } from '../../lib/simulator/http/server';
import type { SimWorld } from '../../lib/simulator/world';
import type { VirtualClock } from '../../lib/time/virtual-clock';
import { LAPTOP, quietListener, testWorld } from './sim-test-kit';

/**
 * The real client library, unmodified, against the simulator over HTTP: its `SpotifyWebApi` methods hard-code
 * Spotify's hosts, so the test re-points the two request builders they use at the simulator's port.
 */

const mockTarget = { port: 0 };

type BuilderModule = { builder(accessToken?: string): LibraryRequestBuilder };

function pointed(module: string) {
  const actual = jest.requireActual<BuilderModule>(module);
  return {
    builder: (accessToken?: string) =>
      actual.builder(accessToken).withScheme('http').withHost('127.0.0.1').withPort(mockTarget.port),
  };
}

jest.mock('spotify-web-api-node/src/webapi-request', () =>
  pointed('spotify-web-api-node/src/webapi-request'),
);
jest.mock('spotify-web-api-node/src/authentication-request', () =>
  pointed('spotify-web-api-node/src/authentication-request'),
);

let world: SimWorld;
let clock: VirtualClock;
let server: RunningSimulator;
let client: SpotifyWebApi;
let listenerId: string;

beforeEach(async () => {
  ({ world, clock } = testWorld({ tokens: { refreshTokenRotation: 0 } }));
  const credentials = quietListener(world);
  listenerId = credentials.id;
  server = await startSimulatorServer(world, { port: 0 });
  mockTarget.port = server.port;
  client = new SpotifyWebApi({
    clientId: world.clientId,
    clientSecret: world.clientSecret,
    accessToken: credentials.accessToken,
    refreshToken: credentials.refreshToken,
  });
});

afterEach(async () => {
  await server.close();
});

/** The library rejects with its own error classes; the test reads what they carry. */
async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; statusCode: number; body: unknown; headers: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; statusCode: number; body: unknown; headers: Record<string, string> };
  }
  throw new Error('expected the call to fail');
}

describe('spotify-web-api-node against the simulator', () => {
  it('reads playback and sends commands', async () => {
    const state = await client.getMyCurrentPlaybackState();
    expect(state.statusCode).toBe(200);
    expect(state.body.is_playing).toBe(true);
    expect((await client.pause()).statusCode).toBe(204);
    expect((await client.setVolume(30)).statusCode).toBe(204);
    expect((await client.transferMyPlayback([LAPTOP], { play: true })).statusCode).toBe(204);
    const album = world.catalog.musicContexts.find((c) => c.type === 'album')!;
    expect((await client.play({ context_uri: album.uri, offset: { position: 1 } })).statusCode).toBe(204);
    expect((await client.addToQueue(world.catalog.tracks[0]!.uri)).statusCode).toBe(204);
    expect((await client.skipToNext()).statusCode).toBe(204);
    const after = await client.getMyCurrentPlaybackState();
    expect(after.body).toMatchObject({
      is_playing: true,
      device: { id: LAPTOP },
      item: { uri: world.catalog.tracks[0]!.uri },
    });
    const queue = await client.getMyDevices();
    expect(queue.body.devices.map((d) => d.is_active)).toEqual([false, true]);
    expect((await client.getMe()).body.id).toBe(listenerId);
  });

  it('sees 204 when no device is active, and a player error for commands', async () => {
    world.act(listenerId, { kind: 'stop' });
    expect((await client.getMyCurrentPlaybackState()).statusCode).toBe(204);
    const error = await failure(client.skipToNext());
    expect(error).toMatchObject({ name: 'WebapiPlayerError', statusCode: 404 });
  });

  it('refreshes an expired token, keeping the refresh token when none comes back', async () => {
    await clock.advance(3_600_000);
    const expired = await failure(client.getMyCurrentPlaybackState());
    expect(expired).toMatchObject({ name: 'WebapiRegularError', statusCode: 401 });
    const refreshed = await client.refreshAccessToken();
    expect(refreshed.body.refresh_token).toBeUndefined();
    client.setAccessToken(refreshed.body.access_token);
    expect((await client.getMyCurrentPlaybackState()).statusCode).toBe(200);
  });

  it('gets invalid_grant once access is revoked', async () => {
    world.revokeTokens(listenerId);
    const error = await failure(client.refreshAccessToken());
    expect(error).toMatchObject({
      name: 'WebapiAuthenticationError',
      statusCode: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('gets 429 with Retry-After', async () => {
    world.setRateLimit({ limit: 1, body: 'quota' });
    await client.getMe();
    const error = await failure(client.getMe());
    expect(error).toMatchObject({ statusCode: 429, headers: { 'retry-after': '30' } });
  });
});
