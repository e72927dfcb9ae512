import type { PlaybackState, UnpublishedEvent, UnpublishedPayload } from '../contract/events';

/** The state a `playbackStateChanged` carries, without its envelope (id, source, timestamp, reasoning, resync). */
export function playbackStateOf(payload: UnpublishedPayload<'playbackStateChanged'>): PlaybackState {
  return {
    isPlaying: payload.isPlaying,
    track: payload.track,
    playingType: payload.playingType,
    position: payload.position,
    duration: payload.duration,
    device: payload.device,
    deviceId: payload.deviceId,
    shuffleState: payload.shuffleState,
    repeatState: payload.repeatState,
    volume: payload.volume,
    contextUri: payload.contextUri,
  };
}

/** The state of the last `playbackStateChanged` among `events`, or null when there is none. */
export function latestPlaybackState(events: readonly UnpublishedEvent[]): PlaybackState | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as UnpublishedEvent;
    if (event.event === 'playbackStateChanged') return playbackStateOf(event.data);
  }
  return null;
}
