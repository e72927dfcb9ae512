import type { PlaybackItem, PlayingType, RepeatState } from './items';

/**
 * The wire contract of the `/music` namespace: the seed plan's events (section 1.1) with the additions of
 * DESIGN section 2. The gateway, the publisher, `npm run replay`, the typed client and the web client all use
 * these types; nothing else defines an event's shape.
 */

/** Who caused a change: the LLM route (`ai`), a person (`user`: a control route or the Spotify app), or nobody (`auto`). */
export type EventSource = 'user' | 'ai' | 'auto';

/** Fields every event carries. */
export interface EventEnvelope {
  /** `<ms>-<seq>`, see `event-id.ts`. */
  eventId: string;
  source: EventSource;
  /** When the change was observed (the `observedAt` of the poll that detected it), ms since the epoch. */
  timestamp: number;
}

/** What a hint may add to the event it is matched to. */
export interface HintMetadata {
  /** The AI's explanation, from an `ai` hint. */
  reasoning?: string;
}

/** The full playback state. Also the answer to `requestPlaybackSync` and `GET /api/playback`. */
export interface PlaybackState {
  isPlaying: boolean;
  /** The current item; null for no playback, an ad, or an item Spotify does not describe. */
  track: PlaybackItem | null;
  /** Spotify's `currently_playing_type`; null when no device is active. */
  playingType: PlayingType | null;
  /** Progress in ms. */
  position: number;
  /** Duration of the current item in ms (0 when there is none). */
  duration: number;
  /** The active device's name, or null when none is active. */
  device: string | null;
  deviceId: string | null;
  shuffleState: boolean;
  repeatState: RepeatState;
  /** 0–100, or null when the device does not report a volume (or none is active). */
  volume: number | null;
  /** The playlist, album, artist or show being played from, when Spotify says. */
  contextUri: string | null;
}

/** The state with no active device and nothing playing (Spotify's 204). */
export const NO_PLAYBACK_STATE: Readonly<PlaybackState> = Object.freeze({
  isPlaying: false,
  track: null,
  playingType: null,
  position: 0,
  duration: 0,
  device: null,
  deviceId: null,
  shuffleState: false,
  repeatState: 'off',
  volume: null,
  contextUri: null,
});

export interface PlaybackStateChangedPayload extends PlaybackState, EventEnvelope, HintMetadata {
  /** Set on the one state sent instead of a replay when the client missed more than the buffer holds. */
  resync?: true;
}

export interface TrackChangedPayload extends EventEnvelope, HintMetadata {
  /** The last item seen, or null when nothing (or an ad) played before. */
  previous: PlaybackItem | null;
  current: PlaybackItem;
  isAIDiscovery?: boolean;
}

export interface QueueUpdatedPayload extends EventEnvelope, HintMetadata {
  action: 'added' | 'removed' | 'cleared';
  /** The items added or removed, in queue order (absent for `cleared`). */
  tracks?: PlaybackItem[];
  trackUris?: string[];
  /** Length of the upcoming queue after the change. */
  totalItems: number;
}

export interface VolumeChangedPayload extends EventEnvelope, HintMetadata {
  volume: number;
  device: string | null;
  deviceId: string | null;
}

export interface DeviceChangedPayload extends EventEnvelope, HintMetadata {
  /** Null when playback starts from nothing. */
  previousDevice: string | null;
  previousDeviceId: string | null;
  currentDevice: string;
  currentDeviceId: string | null;
}

export interface CommandExecutedPayload extends EventEnvelope {
  command: string;
  intent: string;
  success: boolean;
  /** 0–1. */
  confidence: number;
  result?: unknown;
  error?: string;
}

export type ListenerStatus = 'live' | 'reauth_required' | 'rate_limited' | 'degraded';

export interface StatusChangedPayload extends EventEnvelope {
  status: ListenerStatus;
  /** When the status is expected to end (ms since the epoch), for `rate_limited`. */
  until?: number;
  /** Why, in a word a client may show or branch on (e.g. `QUOTA_EXCEEDED`, `invalid_grant`, `upstream_errors`). */
  reason?: string;
}

/** Event name → payload: the single source of truth for every event that leaves the daemon. */
export interface MusicEventPayloads {
  playbackStateChanged: PlaybackStateChangedPayload;
  trackChanged: TrackChangedPayload;
  queueUpdated: QueueUpdatedPayload;
  volumeChanged: VolumeChangedPayload;
  deviceChanged: DeviceChangedPayload;
  commandExecuted: CommandExecutedPayload;
  statusChanged: StatusChangedPayload;
}

export type MusicEventName = keyof MusicEventPayloads;

export const MUSIC_EVENT_NAMES: readonly MusicEventName[] = [
  'playbackStateChanged',
  'trackChanged',
  'queueUpdated',
  'volumeChanged',
  'deviceChanged',
  'commandExecuted',
  'statusChanged',
];

/** One event with its name, as streamed, replayed and printed by `npm run replay`. */
export type MusicEvent = { [K in MusicEventName]: { event: K; data: MusicEventPayloads[K] } }[MusicEventName];

/** An event before the publisher gives it an id. */
export type UnpublishedPayload<K extends MusicEventName> = Omit<MusicEventPayloads[K], 'eventId'>;
export type UnpublishedEvent = {
  [K in MusicEventName]: { event: K; data: UnpublishedPayload<K> };
}[MusicEventName];

/** Socket.IO server → client events of `/music`. */
export type ServerToClientEvents = { [K in MusicEventName]: (data: MusicEventPayloads[K]) => void };
