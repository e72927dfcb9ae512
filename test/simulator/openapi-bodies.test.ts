import { normalizePlayer, normalizeQueue } from '../../lib/core/normalize';
import type { ApiResponse } from '../../lib/simulator/api-request';
import { itemJson } from '../../lib/simulator/item-bodies';
import type { SimWorld } from '../../lib/simulator/world';
import { validateAgainstSchema } from '../support/openapi';
import { LAPTOP, bodyOf, call, getPlayer, quietListener, testWorld } from './sim-test-kit';

/**
 * Every body the simulator serves, checked against Spotify's OpenAPI schemas — and fed to the normalizer,
 * which must accept it.
 */

type Scenario = (world: SimWorld, token: string) => void;

const playerScenarios: [string, Scenario, Record<string, string>][] = [
  ['a track playing', () => undefined, { additional_types: 'track,episode' }],
  ['paused', (w, t) => call(w, t, 'PUT', '/v1/me/player/pause'), {}],
  ['a list of uris (context null)', (w, t) => playUris(w, t), { additional_types: 'track,episode' }],
  ['an episode', (w, t) => playShow(w, t), { additional_types: 'track,episode' }],
  ['an episode without additional_types (item null)', (w, t) => playShow(w, t), {}],
  ['shuffled, repeating, on another device', (w, t) => shuffleRepeatTransfer(w, t), {}],
];

function playUris(world: SimWorld, token: string) {
  call(
    world,
    token,
    'PUT',
    '/v1/me/player/play',
    {},
    { uris: world.catalog.tracks.slice(0, 3).map((t) => t.uri) },
  );
}

function playShow(world: SimWorld, token: string) {
  call(world, token, 'PUT', '/v1/me/player/play', {}, { context_uri: world.catalog.showContexts[0]!.uri });
}

function shuffleRepeatTransfer(world: SimWorld, token: string) {
  call(world, token, 'PUT', '/v1/me/player/shuffle', { state: 'true' });
  call(world, token, 'PUT', '/v1/me/player/repeat', { state: 'context' });
  call(world, token, 'PUT', '/v1/me/player', {}, { device_ids: [LAPTOP] });
}

/** Spotify sends `context: null` for a track played from a list of uris; the file does not say it may. */
const NULL_HISTORY_CONTEXT = ['PlayHistoryObject.context'];

function expectValid(schema: string, response: ApiResponse, alsoNullable: readonly string[] = []) {
  expect(validateAgainstSchema(schema, response.body, { alsoNullable })).toEqual([]);
}

describe('bodies served match the OpenAPI schemas', () => {
  it.each(playerScenarios)('GET /v1/me/player with %s', (_name, scenario, query) => {
    const { world, clock } = testWorld();
    const { accessToken } = quietListener(world);
    scenario(world, accessToken);
    const player = call(world, accessToken, 'GET', '/v1/me/player', query);
    expect(player.status).toBe(200);
    expectValid('CurrentlyPlayingContextObject', player);
    const normalized = normalizePlayer(player.status, JSON.parse(JSON.stringify(player.body)), clock.now());
    expect(normalized).toMatchObject({ ok: true, value: { active: true } });
    const current = call(world, accessToken, 'GET', '/v1/me/player/currently-playing', query);
    expectValid('CurrentlyPlayingObject', current);
    const queue = call(world, accessToken, 'GET', '/v1/me/player/queue');
    expectValid('QueueObject', queue);
    expect(normalizeQueue(queue.status, JSON.parse(JSON.stringify(queue.body)), clock.now()).ok).toBe(true);
  });

  it('during an ad break', async () => {
    const { world, clock } = testWorld({ model: { adChance: 1 } });
    const { accessToken } = quietListener(world);
    playUris(world, accessToken);
    await clock.advance(world.catalog.tracks[0]!.durationMs + 1000);
    const player = getPlayer(world, accessToken);
    expect(bodyOf(player).currently_playing_type).toBe('ad');
    expectValid('CurrentlyPlayingContextObject', player);
    expect(normalizePlayer(200, player.body, clock.now())).toMatchObject({
      ok: true,
      value: { item: null, playingType: 'ad' },
    });
    expectValid('QueueObject', call(world, accessToken, 'GET', '/v1/me/player/queue'));
  });

  it('with no active device: 204 for the player, an empty queue', () => {
    const { world, clock } = testWorld();
    const { accessToken } = quietListener(world, { initial: 'idle' });
    const player = getPlayer(world, accessToken);
    expect(player.status).toBe(204);
    expect(normalizePlayer(player.status, player.body, clock.now())).toMatchObject({
      ok: true,
      value: { active: false },
    });
    expectValid('QueueObject', call(world, accessToken, 'GET', '/v1/me/player/queue'));
  });

  it('whatever busy actors do over two hours', async () => {
    const { world, clock } = testWorld({
      seed: 21,
      rateLimit: { limit: 1_000_000 },
      model: { adChance: 0.2 },
    });
    const tokens = Array.from(
      { length: 10 },
      () => world.addListener({ actor: { skip: 30, context: 6, device: 6, stop: 2 } }).accessToken,
    );
    const seen = new Set<string>();
    for (let minute = 0; minute < 120; minute++) {
      await clock.advance(60_000);
      for (const token of tokens) {
        const player = getPlayer(world, token);
        if (player.status === 200) {
          seen.add(String(bodyOf(player).currently_playing_type));
          expectValid('CurrentlyPlayingContextObject', player);
          expect(normalizePlayer(200, player.body, clock.now()).ok).toBe(true);
        }
        expectValid('QueueObject', call(world, token, 'GET', '/v1/me/player/queue'));
      }
    }
    expect(seen).toEqual(new Set(['track', 'episode', 'ad']));
  });

  it('for every track and episode of the catalog', () => {
    const { world } = testWorld();
    for (const track of world.catalog.tracks)
      expect(validateAgainstSchema('TrackObject', itemJson(track))).toEqual([]);
    for (const episode of world.catalog.episodes) {
      expect(validateAgainstSchema('EpisodeObject', itemJson(episode))).toEqual([]);
    }
  });

  it('for devices, the user and recently played', async () => {
    const { world, clock } = testWorld();
    const { accessToken } = world.addListener({ actor: false });
    const devices = bodyOf(call(world, accessToken, 'GET', '/v1/me/player/devices')).devices as unknown[];
    expect(devices.length).toBeGreaterThan(1);
    for (const device of devices) expect(validateAgainstSchema('DeviceObject', device)).toEqual([]);
    expectValid('PrivateUserObject', call(world, accessToken, 'GET', '/v1/me'));
    expectValid(
      'CursorPagingPlayHistoryObject',
      call(world, accessToken, 'GET', '/v1/me/player/recently-played'),
    );
    playUris(world, accessToken);
    await clock.advance(1000);
    call(world, accessToken, 'POST', '/v1/me/player/next');
    const history = call(world, accessToken, 'GET', '/v1/me/player/recently-played', { limit: '1' });
    expect((bodyOf(history).items as unknown[]).length).toBe(1);
    expectValid('CursorPagingPlayHistoryObject', history, NULL_HISTORY_CONTEXT);
  });

  it.each<[string, (world: SimWorld, token: string) => ApiResponse]>([
    ['401', (w) => w.request({ method: 'GET', path: '/v1/me/player', authorization: 'Bearer nope' })],
    ['403', (w, t) => (call(w, t, 'PUT', '/v1/me/player/pause'), call(w, t, 'PUT', '/v1/me/player/pause'))],
    ['404 no active device', (w, t) => (call(w, t, 'PUT', '/v1/me/player/pause'), stopped(w, t))],
    ['400', (w, t) => call(w, t, 'PUT', '/v1/me/player/volume', { volume_percent: '101' })],
    ['405', (w, t) => call(w, t, 'DELETE', '/v1/me/player')],
    [
      '429',
      (w, t) => (
        w.setRateLimit({ limit: 1, body: 'quota' }),
        call(w, t, 'GET', '/v1/me'),
        call(w, t, 'GET', '/v1/me')
      ),
    ],
    ['503', (w, t) => (w.setFaults([{ kind: 'status', status: 503 }]), call(w, t, 'GET', '/v1/me'))],
  ])('for the %s error body', (_name, provoke) => {
    const { world } = testWorld();
    const { accessToken } = quietListener(world);
    const response = provoke(world, accessToken);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(validateAgainstSchema('ErrorObject', bodyOf(response).error)).toEqual([]);
  });
});

function stopped(world: SimWorld, token: string): ApiResponse {
  const id = bodyOf(call(world, token, 'GET', '/v1/me')).id as string;
  world.act(id, { kind: 'stop' });
  return call(world, token, 'POST', '/v1/me/player/next');
}
