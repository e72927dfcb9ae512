import type { AppAction } from '../../lib/simulator/app-actions';
import type { SimWorld } from '../../lib/simulator/world';
import { LAPTOP, call, quietListener, testWorld } from './sim-test-kit';

type Setup = (world: SimWorld, id: string, token: string) => void;

/** Not at the end of a context, so next stays within it. */
const playFirstAlbum: Setup = (world, _id, token) => {
  const album = world.catalog.musicContexts.find((c) => c.type === 'album' && c.items.length > 2)!;
  call(world, token, 'PUT', '/v1/me/player/play', {}, { context_uri: album.uri });
};

const commands: [string, string, string, Record<string, string>, unknown, string[], Setup | null][] = [
  ['pause', 'PUT', '/v1/me/player/pause', {}, undefined, ['pause'], null],
  [
    'resume',
    'PUT',
    '/v1/me/player/play',
    {},
    undefined,
    ['play'],
    (w, _id, t) => call(w, t, 'PUT', '/v1/me/player/pause'),
  ],
  ['next', 'POST', '/v1/me/player/next', {}, undefined, ['track'], playFirstAlbum],
  ['seek', 'PUT', '/v1/me/player/seek', { position_ms: '1000' }, undefined, ['seek'], null],
  ['volume', 'PUT', '/v1/me/player/volume', { volume_percent: '33' }, undefined, ['volume'], null],
  ['shuffle', 'PUT', '/v1/me/player/shuffle', { state: 'true' }, undefined, ['shuffle'], null],
  ['repeat', 'PUT', '/v1/me/player/repeat', { state: 'track' }, undefined, ['repeat'], null],
  [
    'transfer (other volume)',
    'PUT',
    '/v1/me/player',
    {},
    { device_ids: [LAPTOP] },
    ['device', 'volume'],
    null,
  ],
  [
    'transfer from no device',
    'PUT',
    '/v1/me/player',
    {},
    { device_ids: [LAPTOP], play: true },
    ['device', 'play'],
    (w, id) => w.act(id, { kind: 'stop' }),
  ],
];

describe('truth records', () => {
  it.each(commands)('records %s', (_name, method, path, query, body, kinds, setup) => {
    const { world } = testWorld();
    const { id, accessToken } = quietListener(world);
    setup?.(world, id, accessToken);
    const since = world.truth.size;
    const response = call(world, accessToken, method, path, query, body);
    expect(response.status).toBe(204);
    const records = world.truthSince(since, id);
    expect(records.map((r) => r.kind)).toEqual(kinds);
    expect(records.every((r) => r.cause === 'api' && r.action === `${method} ${path}`)).toBe(true);
  });

  it('records what changed with its details', () => {
    const { world } = testWorld();
    const { id, accessToken } = quietListener(world);
    const before = world.trueState(id);
    const track = world.catalog.tracks[5]!;
    call(world, accessToken, 'POST', '/v1/me/player/queue', { uri: track.uri });
    call(world, accessToken, 'PUT', '/v1/me/player/volume', { volume_percent: '33' });
    call(world, accessToken, 'POST', '/v1/me/player/next');
    const records = world.truthSince(0, id);
    expect(records).toEqual([
      expect.objectContaining({ kind: 'queue_add', uris: [track.uri] }),
      expect.objectContaining({ kind: 'volume', volume: 33, previousVolume: 50 }),
      expect.objectContaining({
        kind: 'track',
        uri: track.uri,
        previousUri: before.playing.kind === 'item' ? before.playing.item.uri : null,
        restart: false,
      }),
    ]);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  const actions: [AppAction, string[]][] = [
    [{ kind: 'stop' }, ['no_device']],
    [{ kind: 'pause' }, ['pause']],
    [{ kind: 'seek', positionMs: 0 }, ['seek']],
    [{ kind: 'volume', volume: 7 }, ['volume']],
    [{ kind: 'queue_add' }, ['queue_add']],
    [{ kind: 'shuffle' }, ['shuffle']],
    [{ kind: 'repeat' }, ['repeat']],
    [{ kind: 'device' }, ['device', 'volume']],
  ];

  it.each(actions)('records the app action %j as %j with cause app', (action, kinds) => {
    const { world } = testWorld();
    const { id } = quietListener(world);
    expect(world.act(id, action)).toBe(true);
    const records = world.truthSince(0, id);
    expect(records.map((r) => r.kind)).toEqual(kinds);
    expect(records.every((r) => r.cause === 'app' && r.action === action.kind)).toBe(true);
  });

  it('records starting from no device and clearing the queue', () => {
    const { world } = testWorld();
    const { id } = quietListener(world, { initial: 'idle' });
    const album = world.catalog.musicContexts.find((c) => c.type === 'album')!;
    expect(world.act(id, { kind: 'pause' })).toBe(false);
    expect(world.act(id, { kind: 'start', contextUri: album.uri, deviceId: LAPTOP })).toBe(true);
    expect(world.truthSince(0, id).map((r) => r.kind)).toEqual(['device', 'context', 'track', 'play']);
    world.act(id, { kind: 'queue_add' });
    world.act(id, { kind: 'queue_add' });
    const since = world.truth.size;
    expect(world.act(id, { kind: 'queue_clear' })).toBe(true);
    expect(world.truthSince(since, id)).toEqual([expect.objectContaining({ kind: 'queue_clear' })]);
    expect((world.truthSince(since, id)[0] as { uris: string[] }).uris).toHaveLength(2);
  });

  it('does not count the queue head becoming current as a queue edit', async () => {
    const { world, clock } = testWorld();
    const { id, accessToken } = quietListener(world);
    call(world, accessToken, 'POST', '/v1/me/player/queue', { uri: world.catalog.tracks[3]!.uri });
    const since = world.truth.size;
    await clock.advance(3_600_000);
    const kinds = new Set(world.truthSince(since, id).map((r) => r.kind));
    expect(kinds.has('track')).toBe(true);
    expect([...kinds].some((k) => k.startsWith('queue'))).toBe(false);
  });

  it('marks a repeat-one restart', async () => {
    const { world, clock } = testWorld();
    const { id, accessToken } = quietListener(world);
    call(world, accessToken, 'PUT', '/v1/me/player/repeat', { state: 'track' });
    await clock.advance(15 * 60_000);
    const restarts = world.truthSince(0, id).filter((r) => r.kind === 'track');
    expect(restarts.length).toBeGreaterThan(0);
    expect(restarts.every((r) => r.kind === 'track' && r.restart && r.cause === 'natural_end')).toBe(true);
  });
});
