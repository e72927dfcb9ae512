/**
 * What is playing, in the compact shape the daemon sends to clients. Built by the normalizer from Spotify's
 * `TrackObject` / `EpisodeObject`; podcasts are items like tracks, told apart by `type`.
 */

export interface ArtistRef {
  name: string;
  /** Null for local files, which have no Spotify URI. */
  uri: string | null;
}

export interface SpotifyTrack {
  type: 'track';
  uri: string;
  /** Null for local files. */
  id: string | null;
  name: string;
  artists: ArtistRef[];
  album: {
    name: string;
    uri: string | null;
    /** The largest cover image Spotify lists, or null. */
    imageUrl: string | null;
  };
  durationMs: number;
  explicit: boolean;
  isLocal: boolean;
}

export interface SpotifyEpisode {
  type: 'episode';
  uri: string;
  id: string;
  name: string;
  show: {
    name: string;
    uri: string | null;
    publisher: string | null;
  };
  imageUrl: string | null;
  durationMs: number;
  explicit: boolean;
}

export type PlaybackItem = SpotifyTrack | SpotifyEpisode;

/** Spotify's `currently_playing_type`; null when nothing is active (204). */
export type PlayingType = 'track' | 'episode' | 'ad' | 'unknown';

export type RepeatState = 'off' | 'track' | 'context';
