import type { RepeatState } from '../contract/items';
import type { Random } from '../random/random';
import type { CatalogContext, CatalogItem } from './catalog';
import type { PlayerError } from './player-error';
import {
  NO_ACTIVE_DEVICE,
  RESTRICTION_VIOLATED,
  VOLUME_CONTROL_DISALLOWED,
  DEVICE_NOT_FOUND,
} from './player-error';
import type { ListenerState, NowPlaying, PlayOrder } from './player-state';
import { HISTORY_LENGTH, activeDevice, durationOf, progressAt } from './player-state';

/**
 * The playback model: pure transitions `(state, at, ...) → state`, with time passed in and randomness (ad
 * breaks, shuffle order) drawn from the listener's own Random. No timers: the world calls `naturalEnd` at
 * exactly `naturalEndAt(state)`. Commands that Spotify would refuse return a `PlayerError` instead.
 */

export interface ModelSettings {
  /** Chance that an ad break plays when a track ends by itself. */
  adChance: number;
  /** Ad break length, uniform in [min, max] ms. */
  adMinMs: number;
  adMaxMs: number;
  /**
   * Spotify's autoplay: past the end of a context (repeat off) similar music keeps playing — here another
   * music context from `autoplayContexts`. Off: the player stops on the context's first item.
   */
  autoplay: boolean;
}

/** An ad break after 3 % of naturally ended tracks, 15–30 s long; autoplay on. */
export const DEFAULT_MODEL_SETTINGS: Readonly<ModelSettings> = Object.freeze({
  adChance: 0.03,
  adMinMs: 15_000,
  adMaxMs: 30_000,
  autoplay: true,
});

export interface ModelContext {
  random: Random;
  settings: ModelSettings;
  /** What autoplay picks from (the catalog's music contexts). */
  autoplayContexts: readonly CatalogContext[];
}

export type Outcome = { state: ListenerState } | { error: PlayerError };

/** `previous` within this long of the start goes to the previous item; later it restarts the current one. */
export const PREVIOUS_RESTARTS_AFTER_MS = 3000;

const ok = (state: ListenerState): Outcome => ({ state });
const fail = (error: PlayerError): Outcome => ({ error });

/** The position fixed at `at`, so the next change can start from it. */
function settled(state: ListenerState, at: number): ListenerState {
  return { ...state, positionMs: progressAt(state, at), anchorAt: at, changedAt: at };
}

/** `playing` starts from its beginning (an item played is added to the history). */
function start(state: ListenerState, at: number, playing: NowPlaying): ListenerState {
  const history =
    playing.kind === 'item' && playing.item.type === 'track'
      ? [{ track: playing.item, playedAt: at, contextUri: state.context.uri }, ...state.history].slice(
          0,
          HISTORY_LENGTH,
        )
      : state.history;
  return {
    ...state,
    playing,
    itemSeq: state.itemSeq + 1,
    positionMs: 0,
    anchorAt: at,
    changedAt: at,
    history,
  };
}

function contextItemAt(order: PlayOrder, position: number): CatalogItem {
  return order.items[order.order[position] as number] as CatalogItem;
}

function startContextItem(
  state: ListenerState,
  at: number,
  position: number,
  playing: boolean,
): ListenerState {
  const context = { ...state.context, index: position };
  const item = contextItemAt(context, position);
  return {
    ...start({ ...state, context }, at, { kind: 'item', item, fromQueue: false }),
    isPlaying: playing,
  };
}

/**
 * The queue head, else the context's next item. Past the context's end: loop with repeat context, else
 * autoplay another context, else stop on the context's first item.
 */
function advance(state: ListenerState, at: number, model: ModelContext): ListenerState {
  const [head, ...rest] = state.queue;
  if (head) {
    return {
      ...start(state, at, { kind: 'item', item: head, fromQueue: true }),
      queue: rest,
      isPlaying: true,
    };
  }
  const { order, index } = state.context;
  if (index + 1 < order.length) return startContextItem(state, at, index + 1, true);
  if (state.repeat === 'context') return startContextItem(state, at, 0, true);
  if (model.settings.autoplay && model.autoplayContexts.length > 0) {
    const next = model.random.pick(model.autoplayContexts);
    const context = contextOrder(next.uri, next.type, next.items, 0, state.shuffle, model.random);
    return startContextItem({ ...state, context }, at, context.index, true);
  }
  return startContextItem(state, at, 0, false);
}

function contextOrder(
  uri: string | null,
  type: PlayOrder['type'],
  items: readonly CatalogItem[],
  startIndex: number,
  shuffle: boolean,
  random: Random,
): PlayOrder {
  const order = shuffle ? shuffledOrder(items.length, startIndex, random) : items.map((_, i) => i);
  return { uri, type, items, order, index: shuffle ? 0 : startIndex };
}

/** The current item ended by itself (called at exactly its end). */
export function naturalEnd(state: ListenerState, at: number, model: ModelContext): ListenerState {
  const ended = settled(state, at);
  const { playing } = ended;
  if (playing.kind === 'item' && state.repeat === 'track') return start(ended, at, playing);
  if (
    playing.kind === 'item' &&
    playing.item.type === 'track' &&
    model.random.chance(model.settings.adChance)
  ) {
    const durationMs = Math.round(model.random.between(model.settings.adMinMs, model.settings.adMaxMs));
    return start(ended, at, { kind: 'ad', durationMs });
  }
  return advance(ended, at, model);
}

function requireActive(state: ListenerState): PlayerError | null {
  return state.activeDeviceId === null ? NO_ACTIVE_DEVICE : null;
}

export function skipNext(state: ListenerState, at: number, model: ModelContext): Outcome {
  const refused = requireActive(state) ?? (state.playing.kind === 'ad' ? RESTRICTION_VIOLATED : null);
  if (refused) return fail(refused);
  return ok({ ...advance(settled(state, at), at, model), isPlaying: true });
}

export function skipPrevious(state: ListenerState, at: number): Outcome {
  const refused = requireActive(state) ?? (state.playing.kind === 'ad' ? RESTRICTION_VIOLATED : null);
  if (refused) return fail(refused);
  const now = settled(state, at);
  const { playing, context } = now;
  if (now.positionMs > PREVIOUS_RESTARTS_AFTER_MS) return ok(seekTo(now, at, 0, true));
  if (playing.kind === 'item' && playing.fromQueue) return ok(startContextItem(now, at, context.index, true));
  if (context.index > 0) return ok(startContextItem(now, at, context.index - 1, true));
  if (now.repeat === 'context') return ok(startContextItem(now, at, context.order.length - 1, true));
  return ok(seekTo(now, at, 0, true));
}

function seekTo(state: ListenerState, at: number, positionMs: number, playing: boolean): ListenerState {
  return {
    ...state,
    positionMs,
    anchorAt: at,
    changedAt: at,
    seekSeq: state.seekSeq + 1,
    isPlaying: playing,
  };
}

/** Past the end of the item, Spotify starts the next one. */
export function seek(state: ListenerState, at: number, positionMs: number, model: ModelContext): Outcome {
  const refused = requireActive(state) ?? (state.playing.kind === 'ad' ? RESTRICTION_VIOLATED : null);
  if (refused) return fail(refused);
  const now = settled(state, at);
  if (positionMs >= durationOf(now.playing))
    return ok({ ...advance(now, at, model), isPlaying: now.isPlaying });
  return ok(seekTo(now, at, positionMs, now.isPlaying));
}

export function pause(state: ListenerState, at: number): Outcome {
  const refused = requireActive(state) ?? (state.isPlaying ? null : RESTRICTION_VIOLATED);
  if (refused) return fail(refused);
  return ok({ ...settled(state, at), isPlaying: false });
}

export function resume(state: ListenerState, at: number): Outcome {
  const refused = requireActive(state) ?? (state.isPlaying ? RESTRICTION_VIOLATED : null);
  if (refused) return fail(refused);
  return ok({ ...settled(state, at), isPlaying: true });
}

export function setVolume(state: ListenerState, at: number, volume: number): Outcome {
  const device = activeDevice(state);
  if (!device) return fail(NO_ACTIVE_DEVICE);
  if (!device.supportsVolume) return fail(VOLUME_CONTROL_DISALLOWED);
  const devices = state.devices.map((d) => (d === device ? { ...d, volume } : d));
  return ok({ ...settled(state, at), devices });
}

/** Moves playback to `deviceId`; `play` true starts it, otherwise the playing state is kept. */
export function transfer(state: ListenerState, at: number, deviceId: string, play?: boolean): Outcome {
  if (!state.devices.some((d) => d.id === deviceId)) return fail(DEVICE_NOT_FOUND);
  const wasPlaying = state.activeDeviceId !== null && state.isPlaying;
  return ok({ ...settled(state, at), activeDeviceId: deviceId, isPlaying: play === true || wasPlaying });
}

/** No device any more (the app was closed, the speaker switched off): `GET /v1/me/player` answers 204. */
export function stop(state: ListenerState, at: number): ListenerState {
  return { ...settled(state, at), activeDeviceId: null, isPlaying: false };
}

function shuffledOrder(length: number, first: number, random: Random): number[] {
  const rest = Array.from({ length }, (_, i) => i).filter((i) => i !== first);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [rest[i], rest[j]] = [rest[j] as number, rest[i] as number];
  }
  return [first, ...rest];
}

export function setShuffle(state: ListenerState, at: number, on: boolean, model: ModelContext): Outcome {
  const refused = requireActive(state);
  if (refused) return fail(refused);
  if (state.shuffle === on) return ok(state);
  const { context } = state;
  const currentIndex = context.order[context.index] as number;
  const order = on
    ? shuffledOrder(context.items.length, currentIndex, model.random)
    : context.items.map((_, i) => i);
  const index = on ? 0 : currentIndex;
  return ok({ ...settled(state, at), shuffle: on, context: { ...context, order, index } });
}

export function setRepeat(state: ListenerState, at: number, repeat: RepeatState): Outcome {
  const refused = requireActive(state);
  if (refused) return fail(refused);
  if (state.repeat === repeat) return ok(state);
  return ok({ ...settled(state, at), repeat });
}

export function addToQueue(state: ListenerState, at: number, item: CatalogItem): Outcome {
  const refused = requireActive(state);
  if (refused) return fail(refused);
  return ok({ ...settled(state, at), queue: [...state.queue, item] });
}

/** Only the Spotify app can clear the queue (the Web API has no such command). */
export function clearQueue(state: ListenerState, at: number): ListenerState {
  return state.queue.length === 0 ? state : { ...settled(state, at), queue: [] };
}

export interface PlayRequest {
  /** The context to play, or a list of items (Spotify's `uris`). */
  source: { context: CatalogContext } | { items: readonly CatalogItem[] };
  /** Where in the context or list to start (Spotify's `offset`). Default 0. */
  startIndex: number;
  positionMs: number;
  /** The device to play on; default the active one. */
  deviceId: string | null;
}

/** `PUT /v1/me/player/play` with a body: a new context (or list) from `startIndex`, playing. */
export function playNew(
  state: ListenerState,
  at: number,
  request: PlayRequest,
  model: ModelContext,
): Outcome {
  const deviceId = request.deviceId ?? state.activeDeviceId;
  if (deviceId === null) return fail(NO_ACTIVE_DEVICE);
  if (!state.devices.some((d) => d.id === deviceId)) return fail(DEVICE_NOT_FOUND);
  const { source } = request;
  const context =
    'context' in source
      ? contextOrder(
          source.context.uri,
          source.context.type,
          source.context.items,
          request.startIndex,
          state.shuffle,
          model.random,
        )
      : contextOrder(null, null, source.items, request.startIndex, state.shuffle, model.random);
  const positioned = { ...settled(state, at), activeDeviceId: deviceId, context };
  const started = startContextItem(positioned, at, context.index, true);
  if (request.positionMs >= durationOf(started.playing)) return ok(advance(started, at, model));
  return ok({ ...started, positionMs: request.positionMs });
}

/** `PUT /v1/me/player/play` without a body: resume, on `deviceId` when given (transferring there). */
export function resumeOn(state: ListenerState, at: number, deviceId: string | null): Outcome {
  if (deviceId === null || deviceId === state.activeDeviceId) return resume(state, at);
  return transfer(state, at, deviceId, true);
}
