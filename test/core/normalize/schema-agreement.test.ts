import fc from 'fast-check';
import { normalizePlayer, normalizeQueue } from '../../../lib/core/normalize';
import type { SchemaValidationOptions } from '../../support/openapi';
import { LOCAL_FILE_NULLABLE, validateAgainstSchema } from '../../support/openapi';
import type { SpotifyFixtureName } from './spotify-fixtures';
import { loadSpotifyFixture } from './spotify-fixtures';
import { withFields } from './with-fields';

/**
 * What the normalizer accepts agrees with Spotify's OpenAPI schemas: bodies the schema calls valid (real ones,
 * varied in their nullable and optional fields) normalize, and a wrong type in any field the normalizer reads
 * is refused by both, the normalizer naming that field. The few places where it is stricter on purpose are
 * listed at the end.
 */

const T = 1_764_000_000_000;
const LOCAL: SchemaValidationOptions = { alsoNullable: LOCAL_FILE_NULLABLE };
type Changes = Record<string, unknown>;

/** Keep the field, make it null, or remove it. */
function keptNulledOrDropped(path: string): fc.Arbitrary<Changes> {
  return fc.constantFrom<Changes>({}, { [path]: null }, { [path]: undefined });
}

/** Unknown top-level fields (plain names: `withFields` reads dots as paths). */
const extraFields = fc.dictionary(
  fc.stringMatching(/^[a-z_]{1,12}$/).map((key) => `extra_${key}`),
  fc.jsonValue(),
  { maxKeys: 3 },
);

/** Changes that keep a player body valid whatever it plays. */
const playerChanges: fc.Arbitrary<Changes> = fc
  .tuple(
    fc.oneof(
      keptNulledOrDropped('progress_ms'),
      fc.nat(10_000_000).map((ms) => ({ progress_ms: ms })),
    ),
    keptNulledOrDropped('context'),
    fc.oneof(
      keptNulledOrDropped('device.volume_percent'),
      fc.integer({ min: 0, max: 100 }).map((volume) => ({ 'device.volume_percent': volume })),
    ),
    keptNulledOrDropped('device.id'),
    fc.record({
      repeat_state: fc.constantFrom('off', 'track', 'context'),
      shuffle_state: fc.boolean(),
      is_playing: fc.boolean(),
    }),
    fc.subarray(['timestamp', 'actions', 'smart_shuffle', 'device.is_active', 'device.supports_volume']),
    extraFields,
  )
  .map(([progress, context, volume, deviceId, flags, dropped, extra]) => ({
    ...progress,
    ...context,
    ...volume,
    ...deviceId,
    ...flags,
    ...Object.fromEntries(dropped.map((path) => [path, undefined])),
    ...extra,
  }));

/** Changes that keep a track item valid (a local file has no album images to vary). */
const trackChanges = (hasImages: boolean): fc.Arbitrary<Changes> =>
  fc
    .tuple(
      fc.subarray([
        'item.explicit',
        'item.is_local',
        'item.popularity',
        'item.external_ids',
        'item.available_markets',
      ]),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([dropped, unsizedImages, nullItem]) => ({
      ...Object.fromEntries(dropped.map((path) => [path, undefined])),
      ...(unsizedImages && hasImages
        ? { 'item.album.images.0.width': null, 'item.album.images.0.height': null }
        : {}),
      ...(nullItem ? { item: null } : {}),
    }));

/** Changes that keep an episode item valid. */
const episodeChanges: fc.Arbitrary<Changes> = fc
  .tuple(fc.subarray(['item.resume_point', 'item.language', 'item.restrictions']), fc.boolean(), fc.boolean())
  .map(([dropped, noImages, nullItem]) => ({
    ...Object.fromEntries(dropped.map((path) => [path, undefined])),
    ...(noImages ? { 'item.images': [] } : {}),
    ...(nullItem ? { item: null } : {}),
  }));

const ITEM_CHANGES: Record<string, fc.Arbitrary<Changes>> = {
  'player-track-playing': trackChanges(true),
  'player-track-paused': trackChanges(true),
  'player-local-file': trackChanges(false),
  'player-episode': episodeChanges,
  'player-ad': fc.constant({}),
};

function schemaOptions(name: SpotifyFixtureName): SchemaValidationOptions {
  return name === 'player-local-file' ? LOCAL : {};
}

describe('bodies the schema accepts normalize', () => {
  it.each(Object.keys(ITEM_CHANGES) as SpotifyFixtureName[])('variations of %s', (name) => {
    const fixture = loadSpotifyFixture(name);
    fc.assert(
      fc.property(playerChanges, ITEM_CHANGES[name] ?? fc.constant({}), (player, item) => {
        const body = withFields(fixture, { ...player, ...item });
        expect(validateAgainstSchema('CurrentlyPlayingContextObject', body, schemaOptions(name))).toEqual([]);
        expect(normalizePlayer(200, body, T)).toMatchObject({ ok: true });
      }),
      { numRuns: 150 },
    );
  });

  it('variations of a queue', () => {
    const fixture = loadSpotifyFixture('queue-tracks-and-episode') as { queue: unknown[] };
    const current = fc.constantFrom<Changes>(
      {},
      { currently_playing: null },
      { currently_playing: undefined },
    );
    fc.assert(
      fc.property(
        fc.shuffledSubarray(fixture.queue),
        current,
        extraFields,
        (entries, currentChange, extra) => {
          const body = withFields(fixture, { queue: entries, ...currentChange, ...extra });
          expect(validateAgainstSchema('QueueObject', body)).toEqual([]);
          expect(normalizeQueue(200, body, T)).toMatchObject({
            ok: true,
            value: { items: { length: entries.length } },
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

type JsonKind = 'boolean' | 'string' | 'integer' | 'object' | 'array';

const smallObject = fc.dictionary(fc.string(), fc.integer(), { minKeys: 1, maxKeys: 2 });
const WRONG_VALUES: Record<JsonKind, fc.Arbitrary<unknown>> = {
  boolean: fc.oneof(fc.string(), fc.integer(), fc.array(fc.boolean()), smallObject),
  string: fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string()), smallObject),
  integer: fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
    smallObject,
  ),
  object: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer())),
  array: fc.oneof(fc.string(), fc.integer(), fc.boolean(), smallObject),
};

/** Fields the normalizer reads, by fixture, with their JSON kind. */
const READ_FIELDS: [SpotifyFixtureName, string, JsonKind][] = [
  ['player-track-playing', 'device', 'object'],
  ['player-track-playing', 'device.id', 'string'],
  ['player-track-playing', 'device.name', 'string'],
  ['player-track-playing', 'device.type', 'string'],
  ['player-track-playing', 'device.volume_percent', 'integer'],
  ['player-track-playing', 'is_playing', 'boolean'],
  ['player-track-playing', 'shuffle_state', 'boolean'],
  ['player-track-playing', 'repeat_state', 'string'],
  ['player-track-playing', 'currently_playing_type', 'string'],
  ['player-track-playing', 'progress_ms', 'integer'],
  ['player-track-playing', 'context', 'object'],
  ['player-track-playing', 'context.uri', 'string'],
  ['player-track-playing', 'item', 'object'],
  ['player-track-playing', 'item.uri', 'string'],
  ['player-track-playing', 'item.id', 'string'],
  ['player-track-playing', 'item.name', 'string'],
  ['player-track-playing', 'item.duration_ms', 'integer'],
  ['player-track-playing', 'item.explicit', 'boolean'],
  ['player-track-playing', 'item.is_local', 'boolean'],
  ['player-track-playing', 'item.artists', 'array'],
  ['player-track-playing', 'item.artists.1.name', 'string'],
  ['player-track-playing', 'item.artists.1.uri', 'string'],
  ['player-track-playing', 'item.album', 'object'],
  ['player-track-playing', 'item.album.name', 'string'],
  ['player-track-playing', 'item.album.uri', 'string'],
  ['player-track-playing', 'item.album.images', 'array'],
  ['player-track-playing', 'item.album.images.0.url', 'string'],
  ['player-track-playing', 'item.album.images.2.width', 'integer'],
  ['player-episode', 'item.id', 'string'],
  ['player-episode', 'item.name', 'string'],
  ['player-episode', 'item.duration_ms', 'integer'],
  ['player-episode', 'item.explicit', 'boolean'],
  ['player-episode', 'item.images', 'array'],
  ['player-episode', 'item.show', 'object'],
  ['player-episode', 'item.show.name', 'string'],
  ['player-episode', 'item.show.publisher', 'string'],
  ['queue-tracks-and-episode', 'currently_playing', 'object'],
  ['queue-tracks-and-episode', 'currently_playing.uri', 'string'],
  ['queue-tracks-and-episode', 'queue', 'array'],
  ['queue-tracks-and-episode', 'queue.0.name', 'string'],
  ['queue-tracks-and-episode', 'queue.2.show.name', 'string'],
  ['queue-tracks-and-episode', 'queue.3.duration_ms', 'integer'],
];

/** A reason that starts with the field's path as the normalizer writes it: `item.artists[1].name: ...`. */
function reasonAbout(path: string): RegExp {
  const reported = path.replace(/\.(\d+)/g, '[$1]');
  return new RegExp(`^${reported.replace(/[.[\]]/g, '\\$&')}: expected `);
}

describe('a wrong type in a field the normalizer reads is refused by both', () => {
  it.each(READ_FIELDS)('%s: %s (%s)', (name, path, kind) => {
    const fixture = loadSpotifyFixture(name);
    const isQueue = name.startsWith('queue');
    fc.assert(
      fc.property(WRONG_VALUES[kind], (value) => {
        const body = withFields(fixture, { [path]: value });
        const schemaErrors = validateAgainstSchema(
          isQueue ? 'QueueObject' : 'CurrentlyPlayingContextObject',
          body,
        );
        const result = isQueue ? normalizeQueue(200, body, T) : normalizePlayer(200, body, T);
        expect(schemaErrors).not.toEqual([]);
        expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(reasonAbout(path)) });
      }),
      { numRuns: 25 },
    );
  });
});

describe('where the normalizer is stricter than the schema, on purpose', () => {
  const playing = loadSpotifyFixture('player-track-playing');
  it.each<[string, Changes, string]>([
    ['is_playing missing', { is_playing: undefined }, 'is_playing: expected a boolean'],
    ['shuffle_state missing', { shuffle_state: undefined }, 'shuffle_state: expected a boolean'],
    ['repeat_state outside off/track/context', { repeat_state: 'all' }, 'repeat_state: expected one of'],
    [
      'currently_playing_type missing',
      { currently_playing_type: undefined },
      'currently_playing_type: expected',
    ],
    ['device.name missing', { 'device.name': undefined }, 'device.name: expected a string'],
    ['item.duration_ms negative', { 'item.duration_ms': -1 }, 'item.duration_ms: expected a non-negative'],
    ['progress_ms negative', { progress_ms: -1 }, 'progress_ms: expected a non-negative'],
    ['item.album missing', { 'item.album': undefined }, 'item.album: expected an object'],
  ])('%s: valid for the schema, refused by the normalizer', (_case, changes, reasonStart) => {
    const body = withFields(playing, changes);
    expect(validateAgainstSchema('CurrentlyPlayingContextObject', body)).toEqual([]);
    expect(normalizePlayer(200, body, T)).toMatchObject({
      ok: false,
      reason: expect.stringContaining(reasonStart),
    });
  });
});
