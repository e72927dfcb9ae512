import type {
  MusicEventName,
  PlaybackState,
  UnpublishedEvent,
  UnpublishedPayload,
} from '../../lib/contract/events';
import { T0, track } from '../core/builders';

/** Small builders of unpublished events for the publisher's and the hint client's tests. */

/** One kind of unpublished event, so a builder's `data` keeps its own type. */
export type Unpublished<K extends MusicEventName> = Extract<UnpublishedEvent, { event: K }>;

export function state(overrides: Partial<PlaybackState> = {}): PlaybackState {
  return {
    isPlaying: true,
    track: track('a'),
    playingType: 'track',
    position: 0,
    duration: track('a').durationMs,
    device: 'Phone',
    deviceId: 'phone-id',
    shuffleState: false,
    repeatState: 'off',
    volume: 50,
    contextUri: 'spotify:playlist:p',
    ...overrides,
  };
}

export function stateChanged(
  overrides: Partial<UnpublishedPayload<'playbackStateChanged'>> = {},
): Unpublished<'playbackStateChanged'> {
  return { event: 'playbackStateChanged', data: { ...state(), source: 'user', timestamp: T0, ...overrides } };
}

export function trackChanged(
  from: string | null,
  to: string,
  source: 'user' | 'ai' | 'auto' = 'user',
): Unpublished<'trackChanged'> {
  return {
    event: 'trackChanged',
    data: { previous: from === null ? null : track(from), current: track(to), source, timestamp: T0 },
  };
}

export function volumeChanged(volume: number, source: 'user' | 'ai' = 'user'): Unpublished<'volumeChanged'> {
  return {
    event: 'volumeChanged',
    data: { volume, device: 'Phone', deviceId: 'phone-id', source, timestamp: T0 },
  };
}

export function commandExecuted(command: string): Unpublished<'commandExecuted'> {
  return {
    event: 'commandExecuted',
    data: { command, intent: 'pause', success: true, confidence: 0.9, source: 'ai', timestamp: T0 },
  };
}
