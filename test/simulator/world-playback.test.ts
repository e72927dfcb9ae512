import type { CatalogContext } from '../../lib/simulator/catalog';
import { LAPTOP, PHONE, bodyOf, call, getPlayer, itemUri, quietListener, testWorld } from './sim-test-kit';

describe('the simulated player through the in-process API', () => {
  it('answers 204 when no device is active, and still lists the devices', () => {
    const { world } = testWorld();
    const { accessToken } = quietListener(world, { initial: 'idle' });
    expect(getPlayer(world, accessToken).status).toBe(204);
    expect(call(world, accessToken, 'GET', '/v1/me/player/currently-playing').status).toBe(204);
    const devices = bodyOf(call(world, accessToken, 'GET', '/v1/me/player/devices')).devices as {
      id: string;
      is_active: boolean;
    }[];
    expect(devices.map((d) => [d.id, d.is_active])).toEqual([
      [PHONE, false],
      [LAPTOP, false],
    ]);
    expect(bodyOf(call(world, accessToken, 'GET', '/v1/me/player/queue'))).toEqual({
      currently_playing: null,
      queue: [],
    });
  });

  it('records every short track that ends between two reads, at its exact end', async () => {
    const { world, clock } = testWorld();
    const { id, accessToken } = quietListener(world);
    const short = world.catalog.tracks.filter((t) => t.durationMs < 30_000).slice(0, 4);
    const start = clock.now();
    expect(
      call(world, accessToken, 'PUT', '/v1/me/player/play', {}, { uris: short.map((t) => t.uri) }).status,
    ).toBe(204);
    const ends = short
      .slice(0, 3)
      .map((_, i) => start + short.slice(0, i + 1).reduce((sum, t) => sum + t.durationMs, 0));
    const since = world.truth.size;
    await clock.advanceTo(ends[2]! + 1);
    expect(itemUri(getPlayer(world, accessToken))).toBe(short[3]!.uri);
    const natural = world.truthSince(since, id).filter((r) => r.cause === 'natural_end');
    expect(natural.map((r) => [r.kind, r.at, 'uri' in r ? r.uri : null])).toEqual(
      short.slice(1).map((t, i) => ['track', ends[i], t.uri]),
    );
  });

  it('shows the old state until the consistency delay has passed, and records when the change became visible', async () => {
    const { world, clock } = testWorld({ consistency: { minMs: 500, maxMs: 500 } });
    const { id, accessToken } = quietListener(world);
    const at = clock.now();
    expect(call(world, accessToken, 'PUT', '/v1/me/player/pause').status).toBe(204);
    expect(world.trueState(id).isPlaying).toBe(false);
    await clock.advance(499);
    expect(bodyOf(getPlayer(world, accessToken)).is_playing).toBe(true);
    await clock.advance(1);
    expect(bodyOf(getPlayer(world, accessToken)).is_playing).toBe(false);
    expect(world.truthSince(0, id)).toEqual([
      expect.objectContaining({ kind: 'pause', at, visibleAt: at + 500, cause: 'api' }),
    ]);
  });

  it('keeps visibility in order when commands overlap', async () => {
    const { world, clock } = testWorld({ consistency: { minMs: 800, maxMs: 800 } });
    const { id, accessToken } = quietListener(world);
    call(world, accessToken, 'PUT', '/v1/me/player/volume', { volume_percent: '10' });
    world.setConsistency({ minMs: 0, maxMs: 0 });
    await clock.advance(100);
    call(world, accessToken, 'PUT', '/v1/me/player/volume', { volume_percent: '20' });
    const [first, second] = world.truthSince(0, id);
    expect(second!.visibleAt).toBe(first!.visibleAt);
    await clock.advance(699);
    expect((bodyOf(getPlayer(world, accessToken)).device as { volume_percent: number }).volume_percent).toBe(
      50,
    );
    await clock.advance(1);
    expect((bodyOf(getPlayer(world, accessToken)).device as { volume_percent: number }).volume_percent).toBe(
      20,
    );
  });

  it('shows a change at once with no consistency delay', () => {
    const { world } = testWorld();
    const { accessToken } = quietListener(world);
    call(world, accessToken, 'PUT', '/v1/me/player/pause');
    expect(bodyOf(getPlayer(world, accessToken)).is_playing).toBe(false);
  });

  it('shows an episode as item null unless additional_types asks for episodes', () => {
    const { world } = testWorld();
    const { accessToken } = quietListener(world);
    const show = world.catalog.showContexts[0] as CatalogContext;
    call(world, accessToken, 'PUT', '/v1/me/player/play', {}, { context_uri: show.uri });
    const plain = bodyOf(call(world, accessToken, 'GET', '/v1/me/player'));
    expect(plain).toMatchObject({ item: null, currently_playing_type: 'episode' });
    const withEpisodes = bodyOf(getPlayer(world, accessToken));
    expect(withEpisodes).toMatchObject({
      currently_playing_type: 'episode',
      item: { type: 'episode', uri: show.items[0]!.uri },
    });
    expect(bodyOf(call(world, accessToken, 'GET', '/v1/me/player/queue')).currently_playing).toMatchObject({
      type: 'episode',
    });
  });

  it('plays an ad break with item null between tracks', async () => {
    const { world, clock } = testWorld({ model: { adChance: 1, adMinMs: 20_000, adMaxMs: 20_000 } });
    const { id, accessToken } = quietListener(world);
    const track = world.catalog.tracks[0]!;
    call(
      world,
      accessToken,
      'PUT',
      '/v1/me/player/play',
      {},
      { uris: [track.uri, world.catalog.tracks[1]!.uri] },
    );
    await clock.advance(track.durationMs + 5000);
    expect(bodyOf(getPlayer(world, accessToken))).toMatchObject({
      item: null,
      currently_playing_type: 'ad',
      progress_ms: 5000,
    });
    expect(call(world, accessToken, 'POST', '/v1/me/player/next').status).toBe(403);
    await clock.advance(15_000);
    expect(itemUri(getPlayer(world, accessToken))).toBe(world.catalog.tracks[1]!.uri);
    expect(world.truthSince(0, id).map((r) => r.kind)).toEqual(['context', 'track', 'ad', 'track']);
  });

  it('lists the queue before the context, up to 20 items', () => {
    const { world } = testWorld();
    const { id, accessToken } = quietListener(world);
    const queued = world.catalog.tracks.slice(0, 2);
    for (const t of queued) call(world, accessToken, 'POST', '/v1/me/player/queue', { uri: t.uri });
    const body = bodyOf(call(world, accessToken, 'GET', '/v1/me/player/queue'));
    const uris = (body.queue as { uri: string }[]).map((item) => item.uri);
    const state = world.trueState(id);
    const { items, order, index } = state.context;
    const contextNext = order.slice(index + 1, index + 19).map((i) => items[i]!.uri);
    expect(uris).toEqual([...queued.map((t) => t.uri), ...contextNext]);
    expect(uris.length).toBeLessThanOrEqual(20);
  });

  it('lists recently played tracks newest first, with cursors', async () => {
    const { world, clock } = testWorld();
    const { accessToken } = quietListener(world);
    const tracks = world.catalog.tracks.slice(0, 3);
    call(world, accessToken, 'PUT', '/v1/me/player/play', {}, { uris: tracks.map((t) => t.uri) });
    await clock.advance(1000);
    call(world, accessToken, 'POST', '/v1/me/player/next');
    const body = bodyOf(call(world, accessToken, 'GET', '/v1/me/player/recently-played', { limit: '1' }));
    const items = body.items as { track: { uri: string }; played_at: string }[];
    expect(items.map((i) => i.track.uri)).toEqual([tracks[1]!.uri]);
    expect(items[0]!.played_at).toBe(new Date(clock.now()).toISOString());
    expect(body.next).toContain(`before=${clock.now()}`);
  });

  it('answers /v1/me with the listener profile', () => {
    const { world } = testWorld();
    const { id, accessToken } = quietListener(world, { id: 'listener-1' });
    expect(bodyOf(call(world, accessToken, 'GET', '/v1/me'))).toMatchObject({
      id,
      type: 'user',
      uri: 'spotify:user:listener-1',
      product: 'premium',
    });
  });
});
