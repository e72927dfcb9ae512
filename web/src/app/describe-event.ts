import type { MusicEvent, PlaybackState } from '../../../lib/contract/events';
import type { RepeatState } from '../../../lib/contract/items';
import { formatDuration } from '../shared/format';
import { itemLine } from '../shared/items';

/** A position jump larger than this (beyond elapsed time) reads as a seek. */
const SEEK_THRESHOLD_MS = 3000;

const REPEAT_WORDS: Record<RepeatState, string> = {
  off: 'Repeat off',
  track: 'Repeating this track',
  context: 'Repeat on',
};

/**
 * What events of one observation (one `timestamp`) already said, so the full state that comes with them does
 * not say it again.
 */
export interface Told {
  timestamp: number | null;
  trackUri?: string;
  volume?: number;
  device?: string;
}

export const NOTHING_TOLD: Told = { timestamp: null };

/** What has been told in the observation of `event`, after it. */
export function tell(told: Told, event: MusicEvent): Told {
  const same: Told = told.timestamp === event.data.timestamp ? told : { timestamp: event.data.timestamp };
  switch (event.event) {
    case 'trackChanged':
      return { ...same, trackUri: event.data.current.uri };
    case 'volumeChanged':
      return { ...same, volume: event.data.volume };
    case 'deviceChanged':
      return { ...same, device: event.data.currentDevice };
    default:
      return same;
  }
}

/**
 * One line for the live feed, in plain words. `before` is the last full state known before the event (its
 * position extrapolated to now), so a full-state event says what changed rather than repeat everything; `told`
 * is what other events of the same observation said.
 */
export function describeEvent(
  event: MusicEvent,
  before: PlaybackState | null,
  told: Told = NOTHING_TOLD,
): string {
  switch (event.event) {
    case 'playbackStateChanged': {
      const sameObservation = told.timestamp === event.data.timestamp ? told : NOTHING_TOLD;
      return describeStateChange(before, event.data, event.data.resync === true, sameObservation);
    }
    case 'trackChanged':
      return `Now playing ${itemLine(event.data.current)}`;
    case 'queueUpdated': {
      const { action, tracks = [], totalItems } = event.data;
      const upcoming = `${totalItems} up next`;
      if (action === 'cleared') return 'Queue cleared';
      const what =
        tracks.length === 1 && tracks[0] ? itemLine(tracks[0]) : `${tracks.length || 'some'} items`;
      return action === 'added'
        ? `Queued ${what} · ${upcoming}`
        : `Removed ${what} from the queue · ${upcoming}`;
    }
    case 'volumeChanged':
      return `Volume ${event.data.volume}%${event.data.device ? ` on ${event.data.device}` : ''}`;
    case 'deviceChanged':
      return event.data.previousDevice
        ? `Moved from ${event.data.previousDevice} to ${event.data.currentDevice}`
        : `Started playing on ${event.data.currentDevice}`;
    case 'commandExecuted': {
      const { command, success, error } = event.data;
      return success ? `Did “${command}”` : `Could not do “${command}”${error ? `: ${error}` : ''}`;
    }
    case 'statusChanged':
      return describeStatus(event.data.status, event.data.reason);
  }
}

function describeStateChange(
  before: PlaybackState | null,
  after: PlaybackState,
  resync: boolean,
  told: Told,
): string {
  if (!after.device && !after.track) return 'Playback stopped: no active device';
  const playing = after.track ? itemLine(after.track) : 'something Spotify does not describe';
  if (resync) return `Caught up after a long gap: ${after.isPlaying ? 'playing' : 'paused on'} ${playing}`;
  if (!before || (!before.device && !before.track)) {
    return `${after.isPlaying ? 'Playing' : 'Paused on'} ${playing}${after.device ? ` on ${after.device}` : ''}`;
  }
  const parts: string[] = [];
  const trackChanged = before.track?.uri !== after.track?.uri;
  if (trackChanged && after.track?.uri !== told.trackUri) parts.push(`Now playing ${playing}`);
  if (before.isPlaying !== after.isPlaying) parts.push(after.isPlaying ? 'Resumed' : 'Paused');
  if (before.device !== after.device && after.device && after.device !== told.device) {
    parts.push(`Moved to ${after.device}`);
  }
  if (before.shuffleState !== after.shuffleState)
    parts.push(after.shuffleState ? 'Shuffle on' : 'Shuffle off');
  if (before.repeatState !== after.repeatState) parts.push(REPEAT_WORDS[after.repeatState]);
  if (before.volume !== after.volume && after.volume !== null && after.volume !== told.volume) {
    parts.push(`Volume ${after.volume}%`);
  }
  if (!trackChanged && parts.length === 0 && Math.abs(before.position - after.position) > SEEK_THRESHOLD_MS) {
    parts.push(`Jumped to ${formatDuration(after.position)}`);
  }
  if (parts.length > 0) return parts.join(' · ');
  // Nothing new beyond what the other events of this observation said: sum the state up instead.
  return `${after.isPlaying ? 'Playing' : 'Paused'}${after.device ? ` on ${after.device}` : ''}`;
}

/** What a listener status means for them. */
export function describeStatus(status: string, reason?: string): string {
  switch (status) {
    case 'live':
      return 'Live updates are back';
    case 'rate_limited':
      return reason === 'QUOTA_EXCEEDED'
        ? 'Spotify’s request quota is used up: updates are paused'
        : 'Spotify asked us to slow down: updates are paused';
    case 'reauth_required':
      return 'Spotify access has expired: connect Spotify again';
    case 'degraded':
      return 'Spotify is having trouble: updates may be late';
    default:
      return `Status: ${status}`;
  }
}
