import type { PlaybackItem } from '../../../lib/contract/items';

/** How an item reads in the UI: a track's artists and album, an episode's show and publisher. */

export function itemArtist(item: PlaybackItem): string {
  if (item.type === 'episode') return item.show.name;
  return item.artists.map((artist) => artist.name).join(', ') || 'Unknown artist';
}

export function itemCollection(item: PlaybackItem): string {
  if (item.type === 'episode') return item.show.publisher ?? 'Podcast';
  return item.album.name;
}

export function itemImage(item: PlaybackItem): string | null {
  return item.type === 'episode' ? item.imageUrl : item.album.imageUrl;
}

/** `“Title” by Artist`, for one-line descriptions. */
export function itemLine(item: PlaybackItem): string {
  return `“${item.name}” by ${itemArtist(item)}`;
}
