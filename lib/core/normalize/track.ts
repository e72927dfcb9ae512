import type { ArtistRef, SpotifyTrack } from '../../contract/items';
import type { JsonRecord } from './guards';
import {
  arrayAt,
  booleanOrAt,
  fieldPath,
  isRecord,
  malformed,
  nonNegativeIntegerAt,
  nullableStringAt,
  recordAt,
  stringAt,
} from './guards';
import { largestImageUrlAt } from './images';

function parseArtists(raw: JsonRecord, path: string): ArtistRef[] {
  const artists = arrayAt(raw, 'artists', path);
  const arrayPath = fieldPath(path, 'artists');
  return artists.map((artist, index) => {
    const artistPath = `${arrayPath}[${index}]`;
    if (!isRecord(artist)) return malformed(artistPath, 'an artist object', artist);
    return { name: stringAt(artist, 'name', artistPath), uri: nullableStringAt(artist, 'uri', artistPath) };
  });
}

/**
 * A `TrackObject` (its `type` already checked) at `path`. A local file has no id and its artists and album have
 * no uri: those read as null. `explicit` and `is_local` default to false when missing, which is what Spotify's
 * `false` means anyway ("no, or unknown").
 */
export function parseTrack(raw: JsonRecord, path: string): SpotifyTrack {
  const album = recordAt(raw, 'album', path);
  const albumPath = fieldPath(path, 'album');
  return {
    type: 'track',
    uri: stringAt(raw, 'uri', path),
    id: nullableStringAt(raw, 'id', path),
    name: stringAt(raw, 'name', path),
    artists: parseArtists(raw, path),
    album: {
      name: stringAt(album, 'name', albumPath),
      uri: nullableStringAt(album, 'uri', albumPath),
      imageUrl: largestImageUrlAt(album, 'images', albumPath),
    },
    durationMs: nonNegativeIntegerAt(raw, 'duration_ms', path),
    explicit: booleanOrAt(raw, 'explicit', path, false),
    isLocal: booleanOrAt(raw, 'is_local', path, false),
  };
}
