import type { MusicEvent, PlaybackState } from '../../lib/contract/events';
import type { SpotifyTrack } from '../../lib/contract/items';

/** Small builders for the web client's tests. */

export function track(n: number, overrides: Partial<SpotifyTrack> = {}): SpotifyTrack {
  return {
    type: 'track',
    uri: `spotify:track:t${n}`,
    id: `t${n}`,
    name: `Song ${n}`,
    artists: [{ name: `Artist ${n}`, uri: null }],
    album: { name: `Album ${n}`, uri: null, imageUrl: null },
    durationMs: 200_000,
    explicit: false,
    isLocal: false,
    ...overrides,
  };
}

export function state(overrides: Partial<PlaybackState> = {}): PlaybackState {
  return {
    isPlaying: true,
    track: track(1),
    playingType: 'track',
    position: 10_000,
    duration: 200_000,
    device: 'Kitchen',
    deviceId: 'd1',
    shuffleState: false,
    repeatState: 'off',
    volume: 50,
    contextUri: null,
    ...overrides,
  };
}

const envelope = (timestamp: number, source: 'ai' | 'user' | 'auto' = 'user') => ({
  eventId: `${timestamp}-0`,
  source,
  timestamp,
});

export const events = {
  state: (timestamp: number, s: PlaybackState, source: 'ai' | 'user' | 'auto' = 'user'): MusicEvent => ({
    event: 'playbackStateChanged',
    data: { ...s, ...envelope(timestamp, source) },
  }),
  track: (timestamp: number, current: SpotifyTrack, source: 'ai' | 'user' | 'auto' = 'auto'): MusicEvent => ({
    event: 'trackChanged',
    data: { previous: null, current, ...envelope(timestamp, source) },
  }),
  volume: (timestamp: number, volume: number): MusicEvent => ({
    event: 'volumeChanged',
    data: { volume, device: 'Kitchen', deviceId: 'd1', ...envelope(timestamp) },
  }),
  queue: (
    timestamp: number,
    action: 'added' | 'removed' | 'cleared',
    tracks: SpotifyTrack[],
    totalItems: number,
  ): MusicEvent => ({
    event: 'queueUpdated',
    data: { action, tracks, trackUris: tracks.map((t) => t.uri), totalItems, ...envelope(timestamp) },
  }),
};
