import type { RepeatState } from '../contract/items';
import type { CatalogItem, CatalogTrack, ContextType } from './catalog';

/**
 * One listener's playback as Spotify's backend holds it: plain immutable data. Progress is not stored per
 * tick: it is `positionMs` at `anchorAt`, extrapolated while playing, so the state only changes when something
 * happens (a command, an action in the app, or an item ending).
 */

export interface SimDevice {
  id: string;
  name: string;
  type: string;
  /** 0–100; each device keeps its own. */
  volume: number;
  supportsVolume: boolean;
}

export type NowPlaying =
  | { kind: 'item'; item: CatalogItem; fromQueue: boolean }
  /** An ad break between two tracks: Spotify shows `currently_playing_type: 'ad'` and `item: null`. */
  | { kind: 'ad'; durationMs: number };

/** What plays after the queue: a context (album, playlist, ...) or the list of `uris` a play command gave. */
export interface PlayOrder {
  /** Null for a list of uris (Spotify shows `context: null`). */
  uri: string | null;
  type: ContextType | null;
  items: readonly CatalogItem[];
  /** Indexes into `items` in playing order: a permutation when shuffled. */
  order: readonly number[];
  /** Position in `order` of the current context item (or the last one played, while the queue plays). */
  index: number;
}

export interface PlayedTrack {
  track: CatalogTrack;
  playedAt: number;
  contextUri: string | null;
}

export interface ListenerState {
  devices: readonly SimDevice[];
  /** Null: no active device (`GET /v1/me/player` answers 204). Then `isPlaying` is false. */
  activeDeviceId: string | null;
  /** Always something: Spotify remembers the last item even when no device is active. */
  playing: NowPlaying;
  /** Bumped whenever an item or ad starts, including a restart of the same item. */
  itemSeq: number;
  /** Bumped on every jump of the position within the same item. */
  seekSeq: number;
  isPlaying: boolean;
  positionMs: number;
  anchorAt: number;
  shuffle: boolean;
  repeat: RepeatState;
  context: PlayOrder;
  /** The user's queue: plays before the context continues. */
  queue: readonly CatalogItem[];
  /** When the state last changed (Spotify's `timestamp` field). */
  changedAt: number;
  /** Recently played tracks, newest first. */
  history: readonly PlayedTrack[];
}

export const HISTORY_LENGTH = 50;

export function durationOf(playing: NowPlaying): number {
  return playing.kind === 'ad' ? playing.durationMs : playing.item.durationMs;
}

export function progressAt(state: ListenerState, at: number): number {
  if (!state.isPlaying) return state.positionMs;
  return Math.min(durationOf(state.playing), state.positionMs + Math.max(0, at - state.anchorAt));
}

/** When the current item ends by itself, or null when nothing plays. */
export function naturalEndAt(state: ListenerState): number | null {
  if (!state.isPlaying || state.activeDeviceId === null) return null;
  return state.anchorAt + Math.max(0, durationOf(state.playing) - state.positionMs);
}

export function activeDevice(state: ListenerState): SimDevice | null {
  if (state.activeDeviceId === null) return null;
  return state.devices.find((d) => d.id === state.activeDeviceId) ?? null;
}

export function currentItem(state: ListenerState): CatalogItem | null {
  return state.playing.kind === 'item' ? state.playing.item : null;
}

/** The context items still to come after the current one, in playing order (wrapping with repeat context). */
export function upcomingContextItems(state: ListenerState, limit: number): CatalogItem[] {
  const { order, items, index } = state.context;
  const out: CatalogItem[] = [];
  for (let step = 1; out.length < limit && step < order.length + 1; step++) {
    const position = index + step;
    if (position >= order.length && state.repeat !== 'context') break;
    const item = items[order[position % order.length] as number];
    if (item) out.push(item);
  }
  return out;
}
