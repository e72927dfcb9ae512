import type { EventSource, MusicEvent, MusicEventName, PlaybackState } from '../../../lib/contract/events';
import { describeEvent, type Told } from './describe-event';

/** One line of the live feed. */
export interface FeedEntry {
  eventId: string;
  event: MusicEventName;
  source: EventSource;
  timestamp: number;
  text: string;
  /** The AI's explanation, when an `ai` hint carried one. */
  reasoning: string | null;
  /** An earlier event of the same observation already shows this reasoning. */
  reasoningRepeated: boolean;
  /** For `commandExecuted`: whether the command worked. */
  outcome: 'succeeded' | 'failed' | null;
  /** Small print: the command's intent and confidence, or "AI discovery". */
  detail: string | null;
  /** Delivered by the replay after a reconnect rather than live. */
  replayed: boolean;
}

export const FEED_LIMIT = 100;

export function toFeedEntry(
  event: MusicEvent,
  before: PlaybackState | null,
  told: Told,
  replayed: boolean,
): FeedEntry {
  const data = event.data;
  return {
    eventId: data.eventId,
    event: event.event,
    source: data.source,
    timestamp: data.timestamp,
    text: describeEvent(event, before, told),
    reasoning: 'reasoning' in data && data.reasoning ? data.reasoning : null,
    reasoningRepeated: false,
    outcome: event.event === 'commandExecuted' ? (event.data.success ? 'succeeded' : 'failed') : null,
    detail: detailOf(event),
    replayed,
  };
}

/**
 * The feed with `entry` on top, newest first, at most `FEED_LIMIT` long. The hint's reasoning travels on every
 * event it matched; it is shown once per observation.
 */
export function addEntry(feed: readonly FeedEntry[], entry: FeedEntry): FeedEntry[] {
  const repeated =
    entry.reasoning !== null &&
    feed.some((each) => each.timestamp === entry.timestamp && each.reasoning === entry.reasoning);
  return [{ ...entry, reasoningRepeated: repeated }, ...feed].slice(0, FEED_LIMIT);
}

function detailOf(event: MusicEvent): string | null {
  if (event.event === 'commandExecuted') {
    return `${event.data.intent} · ${Math.round(event.data.confidence * 100)}% confident`;
  }
  if (event.event === 'trackChanged' && event.data.isAIDiscovery) return 'AI discovery';
  return null;
}
