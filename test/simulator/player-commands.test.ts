import { LAPTOP, bodyOf, call, getPlayer, itemUri, quietListener, testWorld } from './sim-test-kit';

describe('player command parameters', () => {
  const uri22 = 'spotify:track:0000000000000000000000';

  it.each<[string, string, string, Record<string, string>, unknown, number, string]>([
    [
      'seek without position',
      'PUT',
      '/v1/me/player/seek',
      {},
      undefined,
      400,
      'Missing required parameter position_ms',
    ],
    ['seek to -1', 'PUT', '/v1/me/player/seek', { position_ms: '-1' }, undefined, 400, 'Invalid position_ms'],
    [
      'volume 101',
      'PUT',
      '/v1/me/player/volume',
      { volume_percent: '101' },
      undefined,
      400,
      'Invalid volume_percent: must be an integer from 0 to 100',
    ],
    [
      'shuffle yes',
      'PUT',
      '/v1/me/player/shuffle',
      { state: 'yes' },
      undefined,
      400,
      'Invalid state: must be true or false',
    ],
    [
      'repeat all',
      'PUT',
      '/v1/me/player/repeat',
      { state: 'all' },
      undefined,
      400,
      'Invalid state: must be track, context or off',
    ],
    [
      'queue without uri',
      'POST',
      '/v1/me/player/queue',
      {},
      undefined,
      400,
      'Missing required parameter uri',
    ],
    [
      'queue a malformed uri',
      'POST',
      '/v1/me/player/queue',
      { uri: 'spotify:track:short' },
      undefined,
      400,
      'Invalid base62 id',
    ],
    [
      'queue an unknown track',
      'POST',
      '/v1/me/player/queue',
      { uri: uri22 },
      undefined,
      404,
      'Non existing id',
    ],
    [
      'pause on an unknown device',
      'PUT',
      '/v1/me/player/pause',
      { device_id: 'nope' },
      undefined,
      404,
      'Device not found',
    ],
    [
      'play context and uris',
      'PUT',
      '/v1/me/player/play',
      {},
      { context_uri: 'x', uris: [] },
      400,
      'Only one of either context_uri or uris can be specified',
    ],
    [
      'play a track as context',
      'PUT',
      '/v1/me/player/play',
      {},
      { context_uri: uri22 },
      400,
      'Non supported context uri',
    ],
    [
      'play an unknown album',
      'PUT',
      '/v1/me/player/play',
      {},
      { context_uri: 'spotify:album:0000000000000000000000' },
      404,
      'Not found.',
    ],
    [
      'play unknown uris',
      'PUT',
      '/v1/me/player/play',
      {},
      { uris: [uri22] },
      400,
      `Invalid track uri: ${uri22}`,
    ],
    ['play malformed JSON', 'PUT', '/v1/me/player/play', {}, '{"uris": [', 400, 'Error parsing json'],
    [
      'transfer without device_ids',
      'PUT',
      '/v1/me/player',
      {},
      {},
      400,
      'Missing required field: device_ids',
    ],
    [
      'transfer to two devices',
      'PUT',
      '/v1/me/player',
      {},
      { device_ids: ['a', 'b'] },
      400,
      'Only one device_id is supported',
    ],
    [
      'transfer to an unknown device',
      'PUT',
      '/v1/me/player',
      {},
      { device_ids: ['nope'] },
      404,
      'Device not found',
    ],
    ['an unknown path', 'GET', '/v1/me/nothing', {}, undefined, 404, 'Service not found'],
    ['a wrong method', 'POST', '/v1/me/player/pause', {}, undefined, 405, 'Method not allowed'],
  ])('refuses %s', (_name, method, path, query, body, status, message) => {
    const { world } = testWorld();
    const { id, accessToken } = quietListener(world);
    const response = call(world, accessToken, method, path, query, body);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { status, message } });
    expect(world.truthSince(0, id)).toEqual([]);
  });

  it('plays a context from an offset uri and position, on the given device', () => {
    const { world } = testWorld();
    const { accessToken } = quietListener(world);
    const album = world.catalog.musicContexts.find((c) => c.type === 'album' && c.items.length > 3)!;
    const target = album.items[2]!;
    const response = call(
      world,
      accessToken,
      'PUT',
      '/v1/me/player/play',
      { device_id: LAPTOP },
      JSON.stringify({ context_uri: album.uri, offset: { uri: target.uri }, position_ms: 1234 }),
    );
    expect(response.status).toBe(204);
    const player = bodyOf(getPlayer(world, accessToken));
    expect(player).toMatchObject({
      progress_ms: 1234,
      is_playing: true,
      context: { uri: album.uri },
      device: { id: LAPTOP },
    });
    expect(itemUri(getPlayer(world, accessToken))).toBe(target.uri);
  });

  it('resumes on another device, transferring there', () => {
    const { world } = testWorld();
    const { accessToken } = quietListener(world, { initial: 'paused' });
    expect(call(world, accessToken, 'PUT', '/v1/me/player/play', { device_id: LAPTOP }).status).toBe(204);
    expect(bodyOf(getPlayer(world, accessToken))).toMatchObject({
      is_playing: true,
      device: { id: LAPTOP, is_active: true },
    });
  });

  it('refuses commands with no active device, as Spotify does', () => {
    const { world } = testWorld();
    const { accessToken } = quietListener(world, { initial: 'idle' });
    expect(call(world, accessToken, 'POST', '/v1/me/player/next').body).toEqual({
      error: {
        status: 404,
        message: 'Player command failed: No active device found',
        reason: 'NO_ACTIVE_DEVICE',
      },
    });
    expect(call(world, accessToken, 'PUT', '/v1/me/player/play').status).toBe(404);
    expect(
      call(world, accessToken, 'PUT', '/v1/me/player', {}, { device_ids: [LAPTOP], play: true }).status,
    ).toBe(204);
    expect(getPlayer(world, accessToken).status).toBe(200);
  });
});
