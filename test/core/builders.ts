import type { SpotifyEpisode, SpotifyTrack } from '../../lib/contract/items';
import type { Hint } from '../../lib/core/hint';
import type { DeviceInfo, PlayerSnapshot, QueueSnapshot } from '../../lib/core/snapshot';

/**
 * Small builders for the core's inputs, so a test states only what it is about. Every snapshot starts at `T0`,
 * playing track `a` (3 min) from playlist `p` on the phone at volume 50.
 */

export const T0 = 1_764_000_000_000;
export const MINUTE = 60_000;
export const DEFAULT_DURATION_MS = 3 * MINUTE;

export function track(id: string, durationMs = DEFAULT_DURATION_MS): SpotifyTrack {
  return {
    type: 'track',
    uri: `spotify:track:${id}`,
    id,
    name: `Track ${id}`,
    artists: [{ name: 'Artist', uri: 'spotify:artist:x' }],
    album: { name: 'Album', uri: 'spotify:album:y', imageUrl: null },
    durationMs,
    explicit: false,
    isLocal: false,
  };
}

export function episode(id: string, durationMs = 40 * MINUTE): SpotifyEpisode {
  return {
    type: 'episode',
    uri: `spotify:episode:${id}`,
    id,
    name: `Episode ${id}`,
    show: { name: 'Show', uri: 'spotify:show:s', publisher: null },
    imageUrl: null,
    durationMs,
    explicit: false,
  };
}

export const PHONE: DeviceInfo = { id: 'phone-id', name: 'Phone', type: 'Smartphone', volume: 50 };
export const SPEAKER: DeviceInfo = { id: 'speaker-id', name: 'Kitchen', type: 'Speaker', volume: 30 };

export function player(overrides: Partial<PlayerSnapshot> = {}): PlayerSnapshot {
  return {
    observedAt: T0,
    active: true,
    item: track('a'),
    playingType: 'track',
    progressMs: 0,
    isPlaying: true,
    device: PHONE,
    shuffle: false,
    repeat: 'off',
    contextUri: 'spotify:playlist:p',
    ...overrides,
  };
}

/** An ad, as Spotify shows one: no item. */
export function ad(overrides: Partial<PlayerSnapshot> = {}): PlayerSnapshot {
  return player({ item: null, playingType: 'ad', ...overrides });
}

/** The same snapshot `ms` later, having played on when it was playing. */
export function later(
  snapshot: PlayerSnapshot,
  ms: number,
  overrides: Partial<PlayerSnapshot> = {},
): PlayerSnapshot {
  return {
    ...snapshot,
    observedAt: snapshot.observedAt + ms,
    progressMs: snapshot.isPlaying ? snapshot.progressMs + ms : snapshot.progressMs,
    ...overrides,
  };
}

export function withVolume(device: DeviceInfo, volume: number | null): DeviceInfo {
  return { ...device, volume };
}

export function queue(
  currentId: string | null,
  itemIds: readonly string[],
  observedAt = T0,
  durationMs = DEFAULT_DURATION_MS,
): QueueSnapshot {
  return {
    observedAt,
    currentUri: currentId === null ? null : `spotify:track:${currentId}`,
    items: itemIds.map((id) => track(id, durationMs)),
  };
}

export function uri(id: string): string {
  return `spotify:track:${id}`;
}

/** An `ai` hint recorded a second before `T0`, live for 10 s. */
export function hint(id: string, overrides: Partial<Hint> = {}): Hint {
  return {
    id,
    source: 'ai',
    intent: 'play_specific_song',
    ttlMs: 10_000,
    recordedAt: T0 - 1_000,
    ...overrides,
  };
}
