import { normalizePlayer } from '../../../lib/core/normalize';
import type { DeviceInfo, PlayerSnapshot } from '../../../lib/core/snapshot';
import { inactiveSnapshot } from '../../../lib/core/snapshot';
import { loadSpotifyFixture } from './spotify-fixtures';
import { withFields } from './with-fields';

const T = 1_764_000_000_000;
const playing = loadSpotifyFixture('player-track-playing');
const episode = loadSpotifyFixture('player-episode');
const ad = loadSpotifyFixture('player-ad');
const local = loadSpotifyFixture('player-local-file');
const TRACK_DURATION = 243_826;

function accepted(status: number, body: unknown): PlayerSnapshot {
  const result = normalizePlayer(status, body, T);
  if (!result.ok) throw new Error(`expected the body to be accepted, got: ${result.reason}`);
  return result.value;
}

describe('normalizePlayer: no active device', () => {
  it.each<[string, number, unknown]>([
    ['204 without a body', 204, undefined],
    ['204 even with a body', 204, playing],
    ['200 with an empty string body', 200, ''],
    ['200 with an undefined body', 200, undefined],
    ['200 with a null body', 200, null],
    ['200 without a device field', 200, withFields(playing, { device: undefined })],
    ['200 with device null', 200, withFields(playing, { device: null })],
    ['200 with device null and the rest malformed', 200, withFields(playing, { device: null, item: 'x' })],
  ])('%s is the inactive snapshot', (_case, status, body) => {
    expect(normalizePlayer(status, body, T)).toEqual({ ok: true, value: inactiveSnapshot(T) });
  });
});

describe('normalizePlayer: accepted bodies', () => {
  it.each<[string, unknown, Partial<PlayerSnapshot>]>([
    [
      'an ad: no item, progress kept',
      ad,
      { playingType: 'ad', item: null, progressMs: 8123, isPlaying: true },
    ],
    [
      'an ad with an item object: the item is ignored',
      withFields(ad, { item: { type: 'track', junk: true } }),
      { playingType: 'ad', item: null },
    ],
    [
      'an unknown currently_playing_type',
      withFields(playing, { currently_playing_type: 'audiobook_chapter' }),
      { playingType: 'unknown', item: null, progressMs: 61_520, isPlaying: true },
    ],
    [
      'currently_playing_type "unknown"',
      withFields(playing, { currently_playing_type: 'unknown', item: null }),
      { playingType: 'unknown', item: null },
    ],
    [
      'a track whose item is null (switching)',
      withFields(playing, { item: null }),
      { playingType: 'track', item: null, progressMs: 61_520 },
    ],
    ['an episode', episode, { playingType: 'episode', progressMs: 1_843_221 }],
    ['progress_ms null', withFields(playing, { progress_ms: null }), { progressMs: 0 }],
    ['progress_ms missing', withFields(playing, { progress_ms: undefined }), { progressMs: 0 }],
    [
      'progress_ms beyond the duration: clamped to it',
      withFields(playing, { progress_ms: TRACK_DURATION + 750 }),
      { progressMs: TRACK_DURATION },
    ],
    [
      'progress_ms beyond the duration of nothing (an ad): kept',
      withFields(ad, { progress_ms: 9_999_999 }),
      { progressMs: 9_999_999 },
    ],
    ['repeat_state off', withFields(playing, { repeat_state: 'off' }), { repeat: 'off' }],
    ['repeat_state track', withFields(playing, { repeat_state: 'track' }), { repeat: 'track' }],
    ['repeat_state context', withFields(playing, { repeat_state: 'context' }), { repeat: 'context' }],
    ['shuffle on', withFields(playing, { shuffle_state: true }), { shuffle: true }],
    ['paused', withFields(playing, { is_playing: false }), { isPlaying: false }],
    ['context null', withFields(playing, { context: null }), { contextUri: null }],
    ['context missing', withFields(playing, { context: undefined }), { contextUri: null }],
    ['context without a uri', withFields(playing, { 'context.uri': undefined }), { contextUri: null }],
  ])('%s', (_case, body, expected) => {
    expect(accepted(200, body)).toMatchObject({ observedAt: T, active: true, ...expected });
  });

  it.each<[string, unknown, Partial<DeviceInfo>]>([
    ['volume_percent null', withFields(playing, { 'device.volume_percent': null }), { volume: null }],
    ['volume_percent missing', withFields(playing, { 'device.volume_percent': undefined }), { volume: null }],
    ['volume_percent 0', withFields(playing, { 'device.volume_percent': 0 }), { volume: 0 }],
    ['volume_percent 100', withFields(playing, { 'device.volume_percent': 100 }), { volume: 100 }],
    ['id null', withFields(playing, { 'device.id': null }), { id: null }],
  ])('device %s', (_case, body, expected) => {
    expect(accepted(200, body).device).toMatchObject(expected);
  });

  it.each<[string, unknown, Record<string, unknown>]>([
    [
      'a local file: no id, no artist or album uri, no image',
      local,
      {
        type: 'track',
        id: null,
        uri: 'spotify:local:Garage+Echo:Home+Recordings:Demo+Take+3:187',
        isLocal: true,
        artists: [{ name: 'Garage Echo', uri: null }],
        album: { name: 'Home Recordings', uri: null, imageUrl: null },
      },
    ],
    [
      'a track without explicit and is_local',
      withFields(playing, { 'item.explicit': undefined, 'item.is_local': undefined }),
      { explicit: false, isLocal: false },
    ],
    [
      'album images listed smallest first: the largest wins',
      withFields(playing, {
        'item.album.images': [
          { url: 'https://i.scdn.co/image/small', width: 64, height: 64 },
          { url: 'https://i.scdn.co/image/large', width: 640, height: 640 },
          { url: 'https://i.scdn.co/image/medium', width: 300, height: 300 },
        ],
      }),
      { album: expect.objectContaining({ imageUrl: 'https://i.scdn.co/image/large' }) },
    ],
    [
      'album images of unknown size: the first',
      withFields(playing, {
        'item.album.images': [
          { url: 'https://i.scdn.co/image/first', width: null, height: null },
          { url: 'https://i.scdn.co/image/second', width: null, height: null },
        ],
      }),
      { album: expect.objectContaining({ imageUrl: 'https://i.scdn.co/image/first' }) },
    ],
    [
      'a sized album image beats one of unknown size',
      withFields(playing, {
        'item.album.images': [
          { url: 'https://i.scdn.co/image/unknown', width: null, height: null },
          { url: 'https://i.scdn.co/image/tiny', width: 64, height: null },
        ],
      }),
      { album: expect.objectContaining({ imageUrl: 'https://i.scdn.co/image/tiny' }) },
    ],
    [
      'no album images',
      withFields(playing, { 'item.album.images': [] }),
      { album: expect.objectContaining({ imageUrl: null }) },
    ],
    [
      'an episode without images: the show cover',
      withFields(episode, { 'item.images': [] }),
      { imageUrl: 'https://i.scdn.co/image/ab6765630000ba8a137f27214043e5fdc9cd3d33' },
    ],
    [
      'an episode whose show has no publisher',
      withFields(episode, { 'item.show.publisher': undefined }),
      { show: expect.objectContaining({ publisher: null, name: 'The Long Signal' }) },
    ],
    [
      'an episode with neither its own nor a show image',
      withFields(episode, { 'item.images': [], 'item.show.images': [] }),
      { imageUrl: null },
    ],
  ])('item: %s', (_case, body, expected) => {
    expect(accepted(200, body).item).toMatchObject(expected);
  });

  it('ignores unknown extra fields anywhere', () => {
    const extended = withFields(playing, {
      brand_new_field: { nested: [1, 2, 3] },
      'device.supports_lasers': true,
      'item.album.hologram': 'yes',
      'item.artists.0.mood': 'calm',
      'context.colour': 'blue',
    });
    expect(accepted(200, extended)).toEqual(accepted(200, playing));
  });

  it("takes observedAt from the caller, never Spotify's timestamp", () => {
    const body = withFields(playing, { timestamp: 1 });
    expect(accepted(200, body)).toEqual(accepted(200, playing));
    expect(normalizePlayer(200, body, 42)).toMatchObject({ ok: true, value: { observedAt: 42 } });
  });
});

describe('normalizePlayer: rejected bodies name the field and what was wrong', () => {
  it.each<[string, number, unknown, string]>([
    ['an error status', 500, playing, 'status: expected 200 or 204, got 500'],
    ['a 202', 202, undefined, 'status: expected 200 or 204, got 202'],
    ['a string body', 200, 'hello', 'body: expected an object, got "hello"'],
    ['an array body', 200, [], 'body: expected an object, got an array of 0'],
    ['a number body', 200, 42, 'body: expected an object, got 42'],
    ['a boolean body', 200, true, 'body: expected an object, got true'],
    [
      'device a string',
      200,
      withFields(playing, { device: 'kitchen' }),
      'device: expected an object or null, got "kitchen"',
    ],
    [
      'device.name missing',
      200,
      withFields(playing, { 'device.name': undefined }),
      'device.name: expected a string, got nothing (the field is missing)',
    ],
    [
      'device.type a number',
      200,
      withFields(playing, { 'device.type': 3 }),
      'device.type: expected a string, got 3',
    ],
    [
      'device.id a number',
      200,
      withFields(playing, { 'device.id': 7 }),
      'device.id: expected a string or null, got 7',
    ],
    [
      'device.volume_percent above 100',
      200,
      withFields(playing, { 'device.volume_percent': 101 }),
      'device.volume_percent: expected an integer from 0 to 100 or null, got 101',
    ],
    [
      'device.volume_percent negative',
      200,
      withFields(playing, { 'device.volume_percent': -1 }),
      'device.volume_percent: expected an integer from 0 to 100 or null, got -1',
    ],
    [
      'device.volume_percent a string',
      200,
      withFields(playing, { 'device.volume_percent': '50' }),
      'device.volume_percent: expected an integer from 0 to 100 or null, got "50"',
    ],
    [
      'currently_playing_type missing',
      200,
      withFields(playing, { currently_playing_type: undefined }),
      'currently_playing_type: expected a string, got nothing (the field is missing)',
    ],
    [
      'currently_playing_type a number',
      200,
      withFields(playing, { currently_playing_type: 1 }),
      'currently_playing_type: expected a string, got 1',
    ],
    ['item a string', 200, withFields(playing, { item: 'x' }), 'item: expected an object or null, got "x"'],
    [
      'an episode item while currently_playing_type says track',
      200,
      withFields(episode, { currently_playing_type: 'track' }),
      'item.type: expected "track", as currently_playing_type says, got "episode"',
    ],
    [
      'an item without a type',
      200,
      withFields(playing, { 'item.type': undefined }),
      'item.type: expected "track", as currently_playing_type says, got nothing (the field is missing)',
    ],
    [
      'item.duration_ms a string',
      200,
      withFields(playing, { 'item.duration_ms': 'abc' }),
      'item.duration_ms: expected a non-negative integer, got "abc"',
    ],
    [
      'item.duration_ms negative',
      200,
      withFields(playing, { 'item.duration_ms': -5 }),
      'item.duration_ms: expected a non-negative integer, got -5',
    ],
    [
      'item.duration_ms fractional',
      200,
      withFields(playing, { 'item.duration_ms': 1.5 }),
      'item.duration_ms: expected a non-negative integer, got 1.5',
    ],
    [
      'item.name missing',
      200,
      withFields(playing, { 'item.name': undefined }),
      'item.name: expected a string, got nothing (the field is missing)',
    ],
    [
      'item.uri null',
      200,
      withFields(playing, { 'item.uri': null }),
      'item.uri: expected a string, got null',
    ],
    [
      'item.explicit a string',
      200,
      withFields(playing, { 'item.explicit': 'no' }),
      'item.explicit: expected a boolean, got "no"',
    ],
    [
      'item.album missing',
      200,
      withFields(playing, { 'item.album': undefined }),
      'item.album: expected an object, got nothing (the field is missing)',
    ],
    [
      'item.artists an object',
      200,
      withFields(playing, { 'item.artists': {} }),
      'item.artists: expected an array, got an object',
    ],
    [
      'an artist without a name',
      200,
      withFields(playing, { 'item.artists.1.name': 5 }),
      'item.artists[1].name: expected a string, got 5',
    ],
    [
      'an artist that is not an object',
      200,
      withFields(playing, { 'item.artists.0': 'Halcyon Drift' }),
      'item.artists[0]: expected an artist object, got "Halcyon Drift"',
    ],
    [
      'an image without a url',
      200,
      withFields(playing, { 'item.album.images.0.url': null }),
      'item.album.images[0].url: expected a string, got null',
    ],
    [
      'an image that is not an object',
      200,
      withFields(playing, { 'item.album.images.2': 'x' }),
      'item.album.images[2]: expected an image object, got "x"',
    ],
    [
      'an image with a negative width',
      200,
      withFields(playing, { 'item.album.images.1.width': -300 }),
      'item.album.images[1].width: expected a non-negative integer or null, got -300',
    ],
    [
      'an episode without a show',
      200,
      withFields(episode, { 'item.show': undefined }),
      'item.show: expected an object, got nothing (the field is missing)',
    ],
    [
      'an episode with a null id',
      200,
      withFields(episode, { 'item.id': null }),
      'item.id: expected a string, got null',
    ],
    [
      'progress_ms negative',
      200,
      withFields(playing, { progress_ms: -1 }),
      'progress_ms: expected a non-negative integer or null, got -1',
    ],
    [
      'progress_ms a string',
      200,
      withFields(playing, { progress_ms: '100' }),
      'progress_ms: expected a non-negative integer or null, got "100"',
    ],
    [
      'is_playing a string',
      200,
      withFields(playing, { is_playing: 'yes' }),
      'is_playing: expected a boolean, got "yes"',
    ],
    [
      'is_playing missing',
      200,
      withFields(playing, { is_playing: undefined }),
      'is_playing: expected a boolean, got nothing (the field is missing)',
    ],
    [
      'shuffle_state null',
      200,
      withFields(playing, { shuffle_state: null }),
      'shuffle_state: expected a boolean, got null',
    ],
    [
      'an unknown repeat_state',
      200,
      withFields(playing, { repeat_state: 'all' }),
      'repeat_state: expected one of "off", "track", "context", got "all"',
    ],
    [
      'a very long wrong string, shown cut short',
      200,
      withFields(playing, { repeat_state: 'x'.repeat(100) }),
      `repeat_state: expected one of "off", "track", "context", got "${'x'.repeat(60)}…"`,
    ],
    [
      'context a string',
      200,
      withFields(playing, { context: 'spotify:playlist:xBJgP74d9rZFubzNyoD4QD' }),
      'context: expected an object or null, got "spotify:playlist:xBJgP74d9rZFubzNyoD4QD"',
    ],
    [
      'context.uri a number',
      200,
      withFields(playing, { 'context.uri': 3 }),
      'context.uri: expected a string or null, got 3',
    ],
  ])('%s', (_case, status, body, reason) => {
    expect(normalizePlayer(status, body, T)).toEqual({ ok: false, reason });
  });
});
