import fc from 'fast-check';
import { normalizePlayer, normalizeQueue } from '../../../lib/core/normalize';
import type { NormalizeResult } from '../../../lib/core/normalize';
import type { SpotifyFixtureName } from './spotify-fixtures';
import { PLAYER_FIXTURES, QUEUE_FIXTURES, loadSpotifyFixture } from './spotify-fixtures';
import { withFields } from './with-fields';

const T = 1_764_000_000_000;
const REASON = /^[a-z_]+(?:\.[a-z_]+|\[\d+\])*: expected .+, got .+$/s;

/** Every dot path in a JSON value, e.g. `item.album.images.0.url`. */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...pathsOf(child, path)];
  });
}

function expectWellFormed<T>(result: NormalizeResult<T>): void {
  if (result.ok) expect(result.value).toBeDefined();
  else expect(result.reason).toMatch(REASON);
}

const statuses = fc.oneof(fc.constantFrom(200, 204), fc.integer({ min: 100, max: 599 }));

/** A fixture with one field, at any depth, replaced by anything (or removed, when fast-check picks undefined). */
function corrupted(names: readonly SpotifyFixtureName[]): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(...names)
    .chain((name) => {
      const fixture = loadSpotifyFixture(name);
      return fc.tuple(fc.constant(fixture), fc.constantFrom(...pathsOf(fixture)), fc.anything());
    })
    .map(([fixture, path, value]) => withFields(fixture, { [path]: value }));
}

describe('the normalizer never throws', () => {
  it('normalizePlayer on any status and any value', () => {
    fc.assert(
      fc.property(statuses, fc.anything(), (status, body) =>
        expectWellFormed(normalizePlayer(status, body, T)),
      ),
      { numRuns: 2000 },
    );
  });

  it('normalizeQueue on any status and any value', () => {
    fc.assert(
      fc.property(statuses, fc.anything(), (status, body) =>
        expectWellFormed(normalizeQueue(status, body, T)),
      ),
      { numRuns: 2000 },
    );
  });

  it('normalizePlayer on a real body with any one field replaced', () => {
    fc.assert(
      fc.property(corrupted(PLAYER_FIXTURES), (body) => {
        const result = normalizePlayer(200, body, T);
        expectWellFormed(result);
        if (result.ok && result.value.item) {
          expect(result.value.progressMs).toBeLessThanOrEqual(result.value.item.durationMs);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeQueue on a real body with any one field replaced', () => {
    fc.assert(
      fc.property(corrupted(QUEUE_FIXTURES), (body) => expectWellFormed(normalizeQueue(200, body, T))),
      { numRuns: 2000 },
    );
  });
});
