import type { SpotifyEpisode, SpotifyTrack } from '../../../lib/contract/items';
import { normalizePlayer, normalizeQueue } from '../../../lib/core/normalize';
import type { PlayerSnapshot, QueueSnapshot } from '../../../lib/core/snapshot';
import { LOCAL_FILE_NULLABLE, validateAgainstSchema } from '../../support/openapi';
import type { SpotifyFixtureName } from './spotify-fixtures';
import { PLAYER_FIXTURES, QUEUE_FIXTURES, loadSpotifyFixture } from './spotify-fixtures';

const OBSERVED_AT = 1_764_000_000_000;

const NORTHERN_LIGHTS: SpotifyTrack = {
  type: 'track',
  uri: 'spotify:track:1bV8S83bETDto5Oxbct3Oh',
  id: '1bV8S83bETDto5Oxbct3Oh',
  name: 'Northern Lights Over Tromsø',
  artists: [
    { name: 'Halcyon Drift', uri: 'spotify:artist:5thQ5eR5BwP62QWoG6NItm' },
    { name: 'Mara Lindqvist', uri: 'spotify:artist:jilKWjP9ToChRX6bXhsjcB' },
  ],
  album: {
    name: 'Quiet Harbour',
    uri: 'spotify:album:pe0mKqiF6Q50m7HCiv28A7',
    imageUrl: 'https://i.scdn.co/image/ab67616d0000b273c1e9970cb7e09b9c8f6c3705',
  },
  durationMs: 243_826,
  explicit: false,
  isLocal: false,
};

const SLOW_ORBIT: SpotifyTrack = {
  ...NORTHERN_LIGHTS,
  uri: 'spotify:track:5V1IL2Myg5Zo0YHHcMw2YP',
  id: '5V1IL2Myg5Zo0YHHcMw2YP',
  name: 'Slow Orbit',
  artists: [{ name: 'Halcyon Drift', uri: 'spotify:artist:5thQ5eR5BwP62QWoG6NItm' }],
  durationMs: 198_640,
};

const PAPER_SATELLITES: SpotifyTrack = {
  type: 'track',
  uri: 'spotify:track:xz658tu52Vz0Zq4gWG8mh6',
  id: 'xz658tu52Vz0Zq4gWG8mh6',
  name: 'Paper Satellites',
  artists: [{ name: 'The Lantern Club', uri: 'spotify:artist:muPV8EKXeoyX4MbytdHiIi' }],
  album: {
    name: 'Paper Satellites',
    uri: 'spotify:album:JR1aInnbTpJRxkmnPc8TPH',
    imageUrl: 'https://i.scdn.co/image/ab67616d0000b2737c3d577f7498926998a161d3',
  },
  durationMs: 211_093,
  explicit: true,
  isLocal: false,
};

const GLASS_RIVERS: SpotifyTrack = {
  type: 'track',
  uri: 'spotify:track:hEhnJeZQH6CJ6nQgj6lGMC',
  id: 'hEhnJeZQH6CJ6nQgj6lGMC',
  name: 'Glass Rivers',
  artists: [{ name: 'Oda Kjeldsen', uri: 'spotify:artist:suyEKx6bH7Zd5QLJZXNKOP' }],
  album: {
    name: 'Glass Rivers',
    uri: 'spotify:album:rgUkUzWGkqAL63d4LQ3U1t',
    imageUrl: 'https://i.scdn.co/image/ab67616d0000b2732eb443e2d9b8a3ea043463cd',
  },
  durationMs: 264_200,
  explicit: false,
  isLocal: false,
};

const RADIO_TELESCOPES: SpotifyEpisode = {
  type: 'episode',
  uri: 'spotify:episode:iBnue0LRDZCZlIA1ci7jHe',
  id: 'iBnue0LRDZCZlIA1ci7jHe',
  name: '112: Listening to Radio Telescopes',
  show: { name: 'The Long Signal', uri: 'spotify:show:4qntu4ML7SqcLj79RoTchQ', publisher: 'Northwind Audio' },
  imageUrl: 'https://i.scdn.co/image/ab6765630000ba8a0abf57b1f1c5fcd9fd697e10',
  durationMs: 3_127_406,
  explicit: false,
};

const DEMO_TAKE: SpotifyTrack = {
  type: 'track',
  uri: 'spotify:local:Garage+Echo:Home+Recordings:Demo+Take+3:187',
  id: null,
  name: 'Demo Take 3',
  artists: [{ name: 'Garage Echo', uri: null }],
  album: { name: 'Home Recordings', uri: null, imageUrl: null },
  durationMs: 187_000,
  explicit: false,
  isLocal: true,
};

const EXPECTED_PLAYERS: Record<(typeof PLAYER_FIXTURES)[number], PlayerSnapshot> = {
  'player-track-playing': {
    observedAt: OBSERVED_AT,
    active: true,
    item: NORTHERN_LIGHTS,
    playingType: 'track',
    progressMs: 61_520,
    isPlaying: true,
    device: {
      id: 'bf958f9b368d79886b9af2d94ac888200130c45c',
      name: 'MacBook Pro',
      type: 'Computer',
      volume: 72,
    },
    shuffle: false,
    repeat: 'off',
    contextUri: 'spotify:playlist:xBJgP74d9rZFubzNyoD4QD',
  },
  'player-track-paused': {
    observedAt: OBSERVED_AT,
    active: true,
    item: PAPER_SATELLITES,
    playingType: 'track',
    progressMs: 97_311,
    isPlaying: false,
    device: { id: 'fc14a7a42ad6b42e9ef8d2c3c5dad6f38a59e53f', name: 'Kitchen', type: 'Speaker', volume: 35 },
    shuffle: false,
    repeat: 'track',
    contextUri: 'spotify:album:JR1aInnbTpJRxkmnPc8TPH',
  },
  'player-episode': {
    observedAt: OBSERVED_AT,
    active: true,
    item: RADIO_TELESCOPES,
    playingType: 'episode',
    progressMs: 1_843_221,
    isPlaying: true,
    device: {
      id: 'd8575f3abe31a002728ad314872b139d902b08d4',
      name: 'Pixel 8',
      type: 'Smartphone',
      volume: 100,
    },
    shuffle: false,
    repeat: 'off',
    contextUri: 'spotify:show:4qntu4ML7SqcLj79RoTchQ',
  },
  'player-ad': {
    observedAt: OBSERVED_AT,
    active: true,
    item: null,
    playingType: 'ad',
    progressMs: 8123,
    isPlaying: true,
    device: {
      id: 'bd6fd60643b36c59b787b255b5c66d6bee21f4c3',
      name: 'Web Player (Chrome)',
      type: 'Computer',
      volume: 58,
    },
    shuffle: false,
    repeat: 'off',
    contextUri: null,
  },
  'player-local-file': {
    observedAt: OBSERVED_AT,
    active: true,
    item: DEMO_TAKE,
    playingType: 'track',
    progressMs: 42_018,
    isPlaying: true,
    device: {
      id: 'a06e54a7aad35e1d965991026cd2214dda3f644b',
      name: 'DESKTOP-4KQ7R2L',
      type: 'Computer',
      volume: 64,
    },
    shuffle: true,
    repeat: 'context',
    contextUri: 'spotify:playlist:xBJgP74d9rZFubzNyoD4QD',
  },
};

const EXPECTED_QUEUES: Record<(typeof QUEUE_FIXTURES)[number], QueueSnapshot> = {
  'queue-tracks-and-episode': {
    observedAt: OBSERVED_AT,
    currentUri: NORTHERN_LIGHTS.uri,
    items: [SLOW_ORBIT, PAPER_SATELLITES, RADIO_TELESCOPES, GLASS_RIVERS],
  },
  'queue-empty': { observedAt: OBSERVED_AT, currentUri: null, items: [] },
};

// Local files carry nulls where the OpenAPI file says string; see LOCAL_FILE_NULLABLE.
function schemaOptions(name: SpotifyFixtureName) {
  return name === 'player-local-file' ? { alsoNullable: LOCAL_FILE_NULLABLE } : {};
}

describe('Spotify fixtures', () => {
  describe.each(PLAYER_FIXTURES)('%s', (name) => {
    it('is a valid CurrentlyPlayingContextObject', () => {
      const body = loadSpotifyFixture(name);
      expect(validateAgainstSchema('CurrentlyPlayingContextObject', body, schemaOptions(name))).toEqual([]);
    });

    it('normalizes to the expected snapshot', () => {
      expect(normalizePlayer(200, loadSpotifyFixture(name), OBSERVED_AT)).toEqual({
        ok: true,
        value: EXPECTED_PLAYERS[name],
      });
    });
  });

  describe.each(QUEUE_FIXTURES)('%s', (name) => {
    it('is a valid QueueObject', () => {
      expect(validateAgainstSchema('QueueObject', loadSpotifyFixture(name))).toEqual([]);
    });

    it('normalizes to the expected queue', () => {
      expect(normalizeQueue(200, loadSpotifyFixture(name), OBSERVED_AT)).toEqual({
        ok: true,
        value: EXPECTED_QUEUES[name],
      });
    });
  });
});
