import { NO_PLAYBACK_STATE, type MusicEvent, type PlaybackState } from '../../../lib/contract/events';

/**
 * What the now-playing card shows: the last known state and the local time its position was true, so the
 * progress bar can move between events. Pure: the caller passes the time.
 */
export interface NowPlaying {
  state: PlaybackState;
  /** Client time (ms) at which `state.position` was the position. */
  anchorAt: number;
}

/** The position now: it advances while playing and stops at the item's end. */
export function positionAt(nowPlaying: NowPlaying, now: number): number {
  const { state } = nowPlaying;
  if (!state.isPlaying) return state.position;
  const moved = state.position + Math.max(0, now - nowPlaying.anchorAt);
  return state.duration > 0 ? Math.min(moved, state.duration) : moved;
}

/** A full state (from an event, a sync or the HTTP fallback), taken as true at `now`. */
export function fromState(state: PlaybackState, now: number): NowPlaying {
  return { state: pickState(state), anchorAt: now };
}

/** The card after an event: a full state replaces it, the others update the fields they carry. */
export function applyEvent(current: NowPlaying | null, event: MusicEvent, now: number): NowPlaying | null {
  switch (event.event) {
    case 'playbackStateChanged':
      return fromState(event.data, now);
    case 'trackChanged': {
      const base = current?.state ?? { ...NO_PLAYBACK_STATE, isPlaying: true };
      const item = event.data.current;
      return {
        state: { ...base, track: item, playingType: item.type, position: 0, duration: item.durationMs },
        anchorAt: now,
      };
    }
    case 'volumeChanged':
      return current && withFields(current, now, { volume: event.data.volume });
    case 'deviceChanged':
      return (
        current &&
        withFields(current, now, { device: event.data.currentDevice, deviceId: event.data.currentDeviceId })
      );
    default:
      return current;
  }
}

/** An optimistic change made by a control, until the event that confirms it arrives. */
export function withFields(current: NowPlaying, now: number, fields: Partial<PlaybackState>): NowPlaying {
  return {
    state: { ...current.state, position: positionAt(current, now), ...fields },
    anchorAt: now,
  };
}

/** The state fields of a payload, without its envelope. */
function pickState(source: PlaybackState): PlaybackState {
  return {
    isPlaying: source.isPlaying,
    track: source.track,
    playingType: source.playingType,
    position: source.position,
    duration: source.duration,
    device: source.device,
    deviceId: source.deviceId,
    shuffleState: source.shuffleState,
    repeatState: source.repeatState,
    volume: source.volume,
    contextUri: source.contextUri,
  };
}
