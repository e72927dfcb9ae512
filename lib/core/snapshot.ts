import type { PlaybackItem, PlayingType, RepeatState } from '../contract/items';

/**
 * The normalizer's output: compact, validated observations of one listener's playback. The diff and the
 * attribution read only these, never Spotify's raw JSON. Plain data, so an engine state holding them can be
 * stored as JSON and picked up by another worker.
 */

export interface DeviceInfo {
  /** Spotify's device id; Spotify documents it as nullable. */
  id: string | null;
  name: string;
  type: string;
  /** 0–100, or null when the device does not report one. */
  volume: number | null;
}

/** One `GET /v1/me/player` observation. */
export interface PlayerSnapshot {
  /** Local receive time of the response (ms since the epoch). Spotify's own `timestamp` is never used for timing. */
  observedAt: number;
  /** False for a 204 (no active device): then nothing below describes playback. */
  active: boolean;
  /**
   * Null for no playback, an ad, or an unknown item type; also, for a moment, for a track or episode while
   * Spotify switches items (a transient the engine skips: see `isSwitchingItem`).
   */
  item: PlaybackItem | null;
  playingType: PlayingType | null;
  progressMs: number;
  isPlaying: boolean;
  device: DeviceInfo | null;
  shuffle: boolean;
  repeat: RepeatState;
  contextUri: string | null;
}

/** One `GET /v1/me/player/queue` observation. */
export interface QueueSnapshot {
  observedAt: number;
  /** URI of `currently_playing`, or null. */
  currentUri: string | null;
  /** The upcoming items, in order (Spotify includes the context's next items after the user's queue). */
  items: PlaybackItem[];
}

export type Observation =
  { kind: 'player'; snapshot: PlayerSnapshot } | { kind: 'queue'; queue: QueueSnapshot };

/** The snapshot a 204 (or a player with no device) stands for. */
export function inactiveSnapshot(observedAt: number): PlayerSnapshot {
  return {
    observedAt,
    active: false,
    item: null,
    playingType: null,
    progressMs: 0,
    isPlaying: false,
    device: null,
    shuffle: false,
    repeat: 'off',
    contextUri: null,
  };
}
