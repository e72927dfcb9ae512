import { NO_PLAYBACK_STATE, type PlaybackState } from '../contract/events';
import type { PlayerSnapshot } from './snapshot';

/** The wire form of a snapshot: what `playbackStateChanged` and `requestPlaybackSync` carry. */
export function toPlaybackState(snapshot: PlayerSnapshot): PlaybackState {
  if (!snapshot.active) return { ...NO_PLAYBACK_STATE };
  return {
    isPlaying: snapshot.isPlaying,
    track: snapshot.item,
    playingType: snapshot.playingType,
    position: snapshot.progressMs,
    duration: snapshot.item?.durationMs ?? 0,
    device: snapshot.device?.name ?? null,
    deviceId: snapshot.device?.id ?? null,
    shuffleState: snapshot.shuffle,
    repeatState: snapshot.repeat,
    volume: snapshot.device?.volume ?? null,
    contextUri: snapshot.contextUri,
  };
}
