import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Raw Spotify response bodies in test/fixtures/spotify/, shared with the replay fixtures and the simulator. */
export const PLAYER_FIXTURES = [
  'player-track-playing',
  'player-track-paused',
  'player-episode',
  'player-ad',
  'player-local-file',
] as const;
export const QUEUE_FIXTURES = ['queue-tracks-and-episode', 'queue-empty'] as const;

export type SpotifyFixtureName = (typeof PLAYER_FIXTURES)[number] | (typeof QUEUE_FIXTURES)[number];

const FIXTURE_DIR = join(__dirname, '..', '..', 'fixtures', 'spotify');

/** A fresh parse of the fixture on every call, so a test may change it freely. */
export function loadSpotifyFixture(name: SpotifyFixtureName): unknown {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8'));
}
