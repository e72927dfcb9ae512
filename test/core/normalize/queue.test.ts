import { emptyQueueSnapshot, normalizeQueue } from '../../../lib/core/normalize';
import type { QueueSnapshot } from '../../../lib/core/snapshot';
import { loadSpotifyFixture } from './spotify-fixtures';
import { withFields } from './with-fields';

const T = 1_764_000_000_000;
const full = loadSpotifyFixture('queue-tracks-and-episode');
const localTrack = (loadSpotifyFixture('player-local-file') as { item: unknown }).item;
const episodeItem = (loadSpotifyFixture('player-episode') as { item: unknown }).item;

function accepted(body: unknown): QueueSnapshot {
  const result = normalizeQueue(200, body, T);
  if (!result.ok) throw new Error(`expected the body to be accepted, got: ${result.reason}`);
  return result.value;
}

function urisOf(queue: QueueSnapshot): string[] {
  return queue.items.map((item) => item.uri);
}

describe('normalizeQueue: the empty queue', () => {
  it.each<[string, number, unknown]>([
    ['204 without a body', 204, undefined],
    ['200 with an empty string body', 200, ''],
    ['200 with an undefined body', 200, undefined],
    ['200 with a null body', 200, null],
    ['200 with an empty object', 200, {}],
    ['200 with nothing playing and nothing queued', 200, { currently_playing: null, queue: [] }],
    ['200 with a null queue', 200, { currently_playing: null, queue: null }],
  ])('%s', (_case, status, body) => {
    expect(normalizeQueue(status, body, T)).toEqual({ ok: true, value: emptyQueueSnapshot(T) });
  });
});

describe('normalizeQueue: accepted bodies', () => {
  it('keeps the queue order, tracks and episodes alike', () => {
    expect(urisOf(accepted(full))).toEqual([
      'spotify:track:5V1IL2Myg5Zo0YHHcMw2YP',
      'spotify:track:xz658tu52Vz0Zq4gWG8mh6',
      'spotify:episode:iBnue0LRDZCZlIA1ci7jHe',
      'spotify:track:hEhnJeZQH6CJ6nQgj6lGMC',
    ]);
  });

  it.each<[string, unknown, Partial<QueueSnapshot>]>([
    [
      'currently_playing null with items queued',
      withFields(full, { currently_playing: null }),
      { currentUri: null },
    ],
    ['currently_playing missing', withFields(full, { currently_playing: undefined }), { currentUri: null }],
    [
      'an episode currently playing',
      withFields(full, { currently_playing: episodeItem }),
      { currentUri: 'spotify:episode:iBnue0LRDZCZlIA1ci7jHe' },
    ],
    [
      'only the uri of currently_playing is read',
      withFields(full, { currently_playing: { uri: 'spotify:track:1bV8S83bETDto5Oxbct3Oh' } }),
      { currentUri: 'spotify:track:1bV8S83bETDto5Oxbct3Oh' },
    ],
    [
      'a local file queued',
      withFields(full, { queue: [localTrack] }),
      { items: [expect.objectContaining({ isLocal: true, id: null })] },
    ],
  ])('%s', (_case, body, expected) => {
    expect(accepted(body)).toMatchObject({ observedAt: T, ...expected });
  });

  it('leaves out entries of a type the contract cannot describe', () => {
    const body = withFields(full, {
      'queue.1': { type: 'chapter', uri: 'spotify:chapter:0D5wENdkdwbqlrHoaJ9g29' },
    });
    expect(urisOf(accepted(body))).toEqual([
      'spotify:track:5V1IL2Myg5Zo0YHHcMw2YP',
      'spotify:episode:iBnue0LRDZCZlIA1ci7jHe',
      'spotify:track:hEhnJeZQH6CJ6nQgj6lGMC',
    ]);
  });

  it('ignores unknown extra fields', () => {
    const body = withFields(full, { 'queue.0.sparkle': 1, next_up_hint: 'x', 'currently_playing.mood': [] });
    expect(accepted(body)).toEqual(accepted(full));
  });
});

describe('normalizeQueue: rejected bodies name the field and what was wrong', () => {
  it.each<[string, number, unknown, string]>([
    ['a rate-limit status', 429, undefined, 'status: expected 200 or 204, got 429'],
    ['a string body', 200, 'queue', 'body: expected an object, got "queue"'],
    ['an array body', 200, [1, 2], 'body: expected an object, got an array of 2'],
    ['queue a string', 200, withFields(full, { queue: 'x' }), 'queue: expected an array, got "x"'],
    [
      'a null entry',
      200,
      withFields(full, { 'queue.1': null }),
      'queue[1]: expected a track or episode object, got null',
    ],
    [
      'an entry without a type',
      200,
      withFields(full, { 'queue.0.type': undefined }),
      'queue[0].type: expected a string, got nothing (the field is missing)',
    ],
    [
      'an entry with a bad duration',
      200,
      withFields(full, { 'queue.3.duration_ms': 'abc' }),
      'queue[3].duration_ms: expected a non-negative integer, got "abc"',
    ],
    [
      'an episode entry without a show name',
      200,
      withFields(full, { 'queue.2.show.name': null }),
      'queue[2].show.name: expected a string, got null',
    ],
    [
      'currently_playing a number',
      200,
      withFields(full, { currently_playing: 5 }),
      'currently_playing: expected an object or null, got 5',
    ],
    [
      'currently_playing without a uri',
      200,
      withFields(full, { 'currently_playing.uri': undefined }),
      'currently_playing.uri: expected a string, got nothing (the field is missing)',
    ],
  ])('%s', (_case, status, body, reason) => {
    expect(normalizeQueue(status, body, T)).toEqual({ ok: false, reason });
  });
});
