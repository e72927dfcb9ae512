import type { Random } from '../random/random';
import { hexString, spotifyId } from './ids';
import { artistName, personName, playlistName, showName, titleWords } from './names';

/**
 * The simulated Spotify catalog: artists, albums with their tracks, playlists, and podcast shows with their
 * episodes, generated deterministically from a Random. Durations are realistic, including very short tracks
 * (< 30 s, several of which can end between two polls) and long ones. Objects are immutable once built and
 * shared by every listener.
 */

export interface CatalogArtist {
  id: string;
  uri: string;
  name: string;
}

export interface CatalogAlbum {
  id: string;
  uri: string;
  name: string;
  albumType: 'album' | 'single' | 'compilation';
  artists: readonly CatalogArtist[];
  /** The 24 hex characters that make the album's three image URLs (640, 300, 64 px). */
  imageId: string;
  releaseDate: string;
  tracks: readonly CatalogTrack[];
}

export interface CatalogTrack {
  type: 'track';
  id: string;
  uri: string;
  name: string;
  durationMs: number;
  explicit: boolean;
  album: CatalogAlbum;
  artists: readonly CatalogArtist[];
  trackNumber: number;
  popularity: number;
  isrc: string;
}

export interface CatalogShow {
  id: string;
  uri: string;
  name: string;
  publisher: string;
  description: string;
  imageId: string;
  episodes: readonly CatalogEpisode[];
}

export interface CatalogEpisode {
  type: 'episode';
  id: string;
  uri: string;
  name: string;
  durationMs: number;
  explicit: boolean;
  show: CatalogShow;
  description: string;
  releaseDate: string;
}

export type CatalogItem = CatalogTrack | CatalogEpisode;

export type ContextType = 'album' | 'playlist' | 'artist' | 'show';

/** Something `PUT /v1/me/player/play` accepts as `context_uri`: an ordered list of items. */
export interface CatalogContext {
  type: ContextType;
  id: string;
  uri: string;
  name: string;
  items: readonly CatalogItem[];
}

export interface CatalogOptions {
  /** Number of artists. Default 40. */
  artists: number;
  /** Number of albums (6–14 tracks each). Default 80. */
  albums: number;
  /** Number of playlists (15–50 tracks each, drawn from all albums). Default 24. */
  playlists: number;
  /** Number of podcast shows (8–16 episodes of 15–90 min each). Default 6. */
  shows: number;
  /** Fraction of tracks shorter than 30 s (8–29 s). Default 0.06. */
  shortTrackFraction: number;
  /** Fraction of long tracks (6–12 min). Default 0.04. */
  longTrackFraction: number;
  /** The other tracks: a bell between these. Default 120 000 and 390 000 (2 to 6.5 min, around 4 min). */
  typicalTrackMinMs: number;
  typicalTrackMaxMs: number;
}

export const DEFAULT_CATALOG_OPTIONS: Readonly<CatalogOptions> = Object.freeze({
  artists: 40,
  albums: 80,
  playlists: 24,
  shows: 6,
  shortTrackFraction: 0.06,
  longTrackFraction: 0.04,
  typicalTrackMinMs: 120_000,
  typicalTrackMaxMs: 390_000,
});

export class Catalog {
  readonly tracks: readonly CatalogTrack[];
  readonly episodes: readonly CatalogEpisode[];
  /** Albums, playlists and artists: what a listener plays music from. */
  readonly musicContexts: readonly CatalogContext[];
  /** Podcast shows as contexts. */
  readonly showContexts: readonly CatalogContext[];
  private readonly itemsByUri = new Map<string, CatalogItem>();
  private readonly contextsByUri = new Map<string, CatalogContext>();

  constructor(random: Random, options: CatalogOptions = DEFAULT_CATALOG_OPTIONS) {
    const artists = Array.from({ length: options.artists }, () => makeArtist(random));
    const albums = Array.from({ length: options.albums }, () => makeAlbum(random, artists, options));
    const shows = Array.from({ length: options.shows }, () => makeShow(random));
    this.tracks = albums.flatMap((album) => album.tracks);
    this.episodes = shows.flatMap((show) => show.episodes);

    const albumContexts = albums.map((album) => context('album', album, album.tracks));
    const playlistContexts = Array.from({ length: options.playlists }, () =>
      makePlaylist(random, this.tracks),
    );
    const artistContexts = artists
      .map((artist) =>
        context('artist', artist, this.tracks.filter((t) => t.artists[0] === artist).slice(0, 10)),
      )
      .filter((c) => c.items.length > 0);
    this.musicContexts = [...albumContexts, ...playlistContexts, ...artistContexts];
    this.showContexts = shows.map((show) => context('show', show, show.episodes));

    for (const item of [...this.tracks, ...this.episodes]) this.itemsByUri.set(item.uri, item);
    for (const c of [...this.musicContexts, ...this.showContexts]) this.contextsByUri.set(c.uri, c);
  }

  item(uri: string): CatalogItem | undefined {
    return this.itemsByUri.get(uri);
  }

  context(uri: string): CatalogContext | undefined {
    return this.contextsByUri.get(uri);
  }
}

function context(type: ContextType, source: { id: string; name: string }, items: readonly CatalogItem[]) {
  return { type, id: source.id, uri: `spotify:${type}:${source.id}`, name: source.name, items };
}

function makeArtist(random: Random): CatalogArtist {
  const id = spotifyId(random);
  return { id, uri: `spotify:artist:${id}`, name: artistName(random) };
}

function releaseDate(random: Random, fromYear: number): string {
  const year = fromYear + random.int(2025 - fromYear + 1);
  const month = 1 + random.int(12);
  const day = 1 + random.int(28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function trackDurationMs(random: Random, options: CatalogOptions): number {
  const roll = random.next();
  if (roll < options.shortTrackFraction) return Math.round(random.between(8_000, 29_999));
  if (roll < options.shortTrackFraction + options.longTrackFraction) {
    return Math.round(random.between(360_000, 720_000));
  }
  // The sum of three uniforms: a bell between the typical bounds (by default around 4 min).
  const third = (options.typicalTrackMaxMs - options.typicalTrackMinMs) / 3;
  return Math.round(
    options.typicalTrackMinMs +
      random.between(0, third) +
      random.between(0, third) +
      random.between(0, third),
  );
}

function isrc(random: Random): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const code = Array.from({ length: 3 }, () => letters[random.int(26)]).join('');
  return `${random.pick(['US', 'GB', 'SE', 'DE', 'FR'])}${code}${String(random.int(100)).padStart(2, '0')}${String(random.int(100_000)).padStart(5, '0')}`;
}

function makeAlbum(random: Random, artists: readonly CatalogArtist[], options: CatalogOptions): CatalogAlbum {
  const id = spotifyId(random);
  const mainArtist = random.pick(artists);
  const trackCount = random.chance(0.15) ? 1 + random.int(3) : 6 + random.int(9);
  const albumType = trackCount <= 3 ? 'single' : random.chance(0.05) ? 'compilation' : 'album';
  const album: CatalogAlbum = {
    id,
    uri: `spotify:album:${id}`,
    name: titleWords(random),
    albumType,
    artists: [mainArtist],
    imageId: hexString(random, 24),
    releaseDate: releaseDate(random, 1965),
    tracks: [],
  };
  const tracks: CatalogTrack[] = [];
  for (let n = 1; n <= trackCount; n++) {
    const trackId = spotifyId(random);
    const featured = random.chance(0.15) ? [random.pick(artists)].filter((a) => a !== mainArtist) : [];
    tracks.push({
      type: 'track',
      id: trackId,
      uri: `spotify:track:${trackId}`,
      name: titleWords(random),
      durationMs: trackDurationMs(random, options),
      explicit: random.chance(0.1),
      album,
      artists: [mainArtist, ...featured],
      trackNumber: n,
      popularity: random.int(101),
      isrc: isrc(random),
    });
  }
  album.tracks = tracks;
  return album;
}

function makePlaylist(random: Random, tracks: readonly CatalogTrack[]): CatalogContext {
  const id = spotifyId(random);
  const length = Math.min(tracks.length, 15 + random.int(36));
  const chosen = new Set<CatalogTrack>();
  while (chosen.size < length) chosen.add(random.pick(tracks));
  return {
    type: 'playlist',
    id,
    uri: `spotify:playlist:${id}`,
    name: playlistName(random),
    items: [...chosen],
  };
}

function makeShow(random: Random): CatalogShow {
  const id = spotifyId(random);
  const name = showName(random);
  const show: CatalogShow = {
    id,
    uri: `spotify:show:${id}`,
    name,
    publisher: personName(random),
    description: `${name}: conversations about ${titleWords(random).toLowerCase()}.`,
    imageId: hexString(random, 24),
    episodes: [],
  };
  const count = 8 + random.int(9);
  const episodes: CatalogEpisode[] = [];
  for (let n = count; n >= 1; n--) {
    const episodeId = spotifyId(random);
    const title = titleWords(random);
    episodes.push({
      type: 'episode',
      id: episodeId,
      uri: `spotify:episode:${episodeId}`,
      name: `#${n}: ${title}`,
      durationMs: Math.round(random.between(15 * 60_000, 90 * 60_000)),
      explicit: random.chance(0.2),
      show,
      description: `In this episode: ${title.toLowerCase()}, and what it means for all of us.`,
      releaseDate: releaseDate(random, 2019),
    });
  }
  show.episodes = episodes;
  return show;
}
