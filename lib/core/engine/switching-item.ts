import type { PlayerSnapshot } from '../snapshot';

/**
 * A track or episode without its item: Spotify sends that for a moment while it switches items. It is a
 * transient, not a state: the engine skips it and keeps diffing against the last observation that had an item,
 * so the item that follows is compared with the one before the blip (its `previous`, its end, its position).
 * Whatever else changed meanwhile shows in the next observation with an item (or an ad, or a 204).
 */
export function isSwitchingItem(snapshot: PlayerSnapshot): boolean {
  return (
    snapshot.active &&
    snapshot.item === null &&
    (snapshot.playingType === 'track' || snapshot.playingType === 'episode')
  );
}
