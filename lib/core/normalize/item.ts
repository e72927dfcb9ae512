import type { PlaybackItem } from '../../contract/items';
import { parseEpisode } from './episode';
import type { JsonRecord } from './guards';
import { stringAt } from './guards';
import { parseTrack } from './track';

/**
 * A `TrackObject` or `EpisodeObject` at `path`, told apart by its `type`. Null for an item of any other type
 * (an audiobook chapter, say): the contract has no shape for it, so callers leave it out rather than guess.
 */
export function parseItem(raw: JsonRecord, path: string): PlaybackItem | null {
  const type = stringAt(raw, 'type', path);
  if (type === 'track') return parseTrack(raw, path);
  if (type === 'episode') return parseEpisode(raw, path);
  return null;
}
