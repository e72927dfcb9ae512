import type { SpotifyEpisode } from '../../contract/items';
import type { JsonRecord } from './guards';
import { booleanOrAt, fieldPath, nonNegativeIntegerAt, nullableStringAt, recordAt, stringAt } from './guards';
import { largestImageUrlAt } from './images';

/**
 * An `EpisodeObject` (its `type` already checked) at `path`. Its image is the episode's own largest cover, else
 * the show's. `publisher` is deprecated in Spotify's schema and reads as null when it goes away.
 */
export function parseEpisode(raw: JsonRecord, path: string): SpotifyEpisode {
  const show = recordAt(raw, 'show', path);
  const showPath = fieldPath(path, 'show');
  return {
    type: 'episode',
    uri: stringAt(raw, 'uri', path),
    id: stringAt(raw, 'id', path),
    name: stringAt(raw, 'name', path),
    show: {
      name: stringAt(show, 'name', showPath),
      uri: nullableStringAt(show, 'uri', showPath),
      publisher: nullableStringAt(show, 'publisher', showPath),
    },
    imageUrl: largestImageUrlAt(raw, 'images', path) ?? largestImageUrlAt(show, 'images', showPath),
    durationMs: nonNegativeIntegerAt(raw, 'duration_ms', path),
    explicit: booleanOrAt(raw, 'explicit', path, false),
  };
}
