import type { PlaybackState } from '../../contract/events';
import type { PlaybackItem } from '../../contract/items';
import type { DeviceInfo } from '../snapshot';

/**
 * What `diffPlayer` found between two player observations: facts plus the evidence attribution needs, no
 * sources yet. A change list holds at most one of each kind, in the order track, device, playbackState, volume.
 */
export type PlayerChange = TrackChange | DeviceChange | PlaybackStateChange | VolumeChange;

/** Where the new item stood in the last known queue (the items after the previous one). */
export type QueuePosition =
  /** The next item in the queue. */
  | 'head'
  /** A later item whose predecessors could all have played out in the time between the observations. */
  | 'later'
  /** The same item again (repeat-one, or replayed). */
  | 'repeat'
  /** The queue is known and the new item is none of the above. */
  | 'elsewhere'
  /** No usable queue: none observed, an empty one, or one that does not contain the previous item. */
  | 'unknown';

export interface TrackChangeEvidence {
  /** The previous item was playing and, extrapolated to the new observation, within `endWindowMs` of its end (or was an ad). */
  previousEnded: boolean;
  queuePosition: QueuePosition;
}

export interface TrackChange {
  kind: 'track';
  /** The previous item; null when nothing or an ad played. */
  previous: PlaybackItem | null;
  current: PlaybackItem;
  /** The new observation's context, for hints that expect one. */
  contextUri: string | null;
  /** The same URI started over. */
  restart: boolean;
  evidence: TrackChangeEvidence;
}

export interface DeviceChange {
  kind: 'device';
  /** Null when playback starts from nothing. */
  previous: DeviceInfo | null;
  current: DeviceInfo;
}

/** Why a `playbackStateChanged` is due; several may hold at once. */
export type PlaybackStateReason =
  'activity' | 'item' | 'isPlaying' | 'device' | 'shuffle' | 'repeat' | 'volume' | 'context' | 'seek';

export interface PlaybackStateChange {
  kind: 'playbackState';
  /** The full state after the change. */
  state: PlaybackState;
  reasons: readonly PlaybackStateReason[];
  /** As in `TrackChangeEvidence`: an item giving way to an ad by itself is playback moving on too. */
  previousEnded: boolean;
}

/** The same device's volume changed. */
export interface VolumeChange {
  kind: 'volume';
  volume: number;
  device: string;
  deviceId: string | null;
}
