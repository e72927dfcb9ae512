import type {
  CatalogAlbum,
  CatalogArtist,
  CatalogEpisode,
  CatalogItem,
  CatalogShow,
  CatalogTrack,
} from './catalog';

/**
 * Spotify's JSON for catalog objects (TrackObject, EpisodeObject and what they embed), with every field the
 * real API sends. Items never change, so each body is built once and shared by every response that shows it
 * (callers serialize, never mutate).
 */

const API = 'https://api.spotify.com/v1';
const OPEN = 'https://open.spotify.com';
const MARKETS = ['BR', 'DE', 'FR', 'GB', 'JP', 'SE', 'US'];

/** Album cover sizes and the prefixes Spotify's image CDN uses for them. */
const ALBUM_IMAGES = [
  { size: 640, prefix: 'ab67616d0000b273' },
  { size: 300, prefix: 'ab67616d00001e02' },
  { size: 64, prefix: 'ab67616d00004851' },
];
const SHOW_IMAGES = [
  { size: 640, prefix: 'ab6765630000ba8a' },
  { size: 300, prefix: 'ab67656300005f1f' },
  { size: 64, prefix: 'ab6765630000f68d' },
];

function images(sizes: typeof ALBUM_IMAGES, imageId: string) {
  return sizes.map(({ size, prefix }) => ({
    url: `https://i.scdn.co/image/${prefix}${imageId}`,
    height: size,
    width: size,
  }));
}

function artistJson(artist: CatalogArtist) {
  return {
    external_urls: { spotify: `${OPEN}/artist/${artist.id}` },
    href: `${API}/artists/${artist.id}`,
    id: artist.id,
    name: artist.name,
    type: 'artist',
    uri: artist.uri,
  };
}

function albumJson(album: CatalogAlbum) {
  return {
    album_type: album.albumType,
    artists: album.artists.map(artistJson),
    available_markets: MARKETS,
    external_urls: { spotify: `${OPEN}/album/${album.id}` },
    href: `${API}/albums/${album.id}`,
    id: album.id,
    images: images(ALBUM_IMAGES, album.imageId),
    is_playable: true,
    name: album.name,
    release_date: album.releaseDate,
    release_date_precision: 'day',
    total_tracks: album.tracks.length,
    type: 'album',
    uri: album.uri,
  };
}

function trackJson(track: CatalogTrack) {
  return {
    album: albumJson(track.album),
    artists: track.artists.map(artistJson),
    available_markets: MARKETS,
    disc_number: 1,
    duration_ms: track.durationMs,
    explicit: track.explicit,
    external_ids: { isrc: track.isrc },
    external_urls: { spotify: `${OPEN}/track/${track.id}` },
    href: `${API}/tracks/${track.id}`,
    id: track.id,
    is_local: false,
    is_playable: true,
    name: track.name,
    popularity: track.popularity,
    preview_url: null,
    track_number: track.trackNumber,
    type: 'track',
    uri: track.uri,
  };
}

function showJson(show: CatalogShow) {
  return {
    available_markets: MARKETS,
    copyrights: [],
    description: show.description,
    explicit: false,
    external_urls: { spotify: `${OPEN}/show/${show.id}` },
    href: `${API}/shows/${show.id}`,
    html_description: `<p>${show.description}</p>`,
    id: show.id,
    images: images(SHOW_IMAGES, show.imageId),
    is_externally_hosted: false,
    languages: ['en'],
    media_type: 'audio',
    name: show.name,
    publisher: show.publisher,
    total_episodes: show.episodes.length,
    type: 'show',
    uri: show.uri,
  };
}

function episodeJson(episode: CatalogEpisode) {
  return {
    audio_preview_url: null,
    description: episode.description,
    duration_ms: episode.durationMs,
    explicit: episode.explicit,
    external_urls: { spotify: `${OPEN}/episode/${episode.id}` },
    href: `${API}/episodes/${episode.id}`,
    html_description: `<p>${episode.description}</p>`,
    id: episode.id,
    images: images(SHOW_IMAGES, episode.show.imageId),
    is_externally_hosted: false,
    is_playable: true,
    language: 'en',
    languages: ['en'],
    name: episode.name,
    release_date: episode.releaseDate,
    release_date_precision: 'day',
    show: showJson(episode.show),
    type: 'episode',
    uri: episode.uri,
  };
}

export type ItemJson = ReturnType<typeof trackJson> | ReturnType<typeof episodeJson>;

const cache = new WeakMap<CatalogItem, ItemJson>();

/** The TrackObject or EpisodeObject for `item` (built once, shared). */
export function itemJson(item: CatalogItem): ItemJson {
  let json = cache.get(item);
  if (!json) {
    json = item.type === 'track' ? trackJson(item) : episodeJson(item);
    cache.set(item, json);
  }
  return json;
}

function buildContextJson(uri: string) {
  const [, type = '', id = ''] = uri.split(':');
  return {
    external_urls: { spotify: `${OPEN}/${type}/${id}` },
    href: `${API}/${type}s/${id}`,
    type,
    uri,
  };
}

const contextCache = new Map<string, ReturnType<typeof buildContextJson>>();

/** A ContextObject for a context URI (`spotify:playlist:<id>` → its href and open.spotify.com link); shared. */
export function contextJson(uri: string) {
  let json = contextCache.get(uri);
  if (!json) {
    json = buildContextJson(uri);
    contextCache.set(uri, json);
  }
  return json;
}
