import type { RepeatState } from '../contract/items';
import type { Random } from '../random/random';
import type { Catalog } from './catalog';
import type { ModelContext, Outcome } from './listener-model';
import {
  addToQueue,
  clearQueue,
  pause,
  playNew,
  resume,
  seek,
  setRepeat,
  setShuffle,
  setVolume,
  skipNext,
  skipPrevious,
  stop,
  transfer,
} from './listener-model';
import type { ListenerState } from './player-state';
import { activeDevice, durationOf } from './player-state';

/**
 * What a listener does in the Spotify app. Parameters left out are drawn at random when the action runs
 * (a random seek position, another device, a random track to queue, ...), so a script can be as precise or
 * as loose as a test needs.
 */
export type AppAction =
  | { kind: 'skip' }
  | { kind: 'previous' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'seek'; positionMs?: number }
  /** One step of the volume slider (an actor's drag is several of these within a second or two). */
  | { kind: 'volume'; volume?: number }
  | { kind: 'device'; deviceId?: string }
  | { kind: 'queue_add'; uri?: string }
  | { kind: 'queue_clear' }
  /** Go to no device: the app closed, the speaker switched off. */
  | { kind: 'stop' }
  /** Start playing a context from no device. */
  | { kind: 'start'; contextUri?: string; deviceId?: string }
  /** Switch to another context while playing. */
  | { kind: 'context'; contextUri?: string }
  | { kind: 'shuffle'; on?: boolean }
  | { kind: 'repeat'; state?: RepeatState };

export type AppActionKind = AppAction['kind'];

export const APP_ACTION_KINDS: readonly AppActionKind[] = [
  'skip',
  'previous',
  'pause',
  'resume',
  'seek',
  'volume',
  'device',
  'queue_add',
  'queue_clear',
  'stop',
  'start',
  'context',
  'shuffle',
  'repeat',
];

export interface AppActionContext {
  catalog: Catalog;
  model: ModelContext;
  /** For the parameters the action leaves out. */
  random: Random;
  /** Chance that `start` and `context` pick a podcast show rather than music. */
  podcastChance: number;
}

const REPEAT_CYCLE: Record<RepeatState, RepeatState> = { off: 'context', context: 'track', track: 'off' };

const stateOf = (outcome: Outcome): ListenerState | null => ('state' in outcome ? outcome.state : null);

/** The state after `action` at `at`, or null when it does not apply (e.g. pause while paused, skip with no device). */
export function applyAppAction(
  state: ListenerState,
  at: number,
  action: AppAction,
  ctx: AppActionContext,
): ListenerState | null {
  const active = state.activeDeviceId !== null;
  switch (action.kind) {
    case 'skip':
      return stateOf(skipNext(state, at, ctx.model));
    case 'previous':
      return stateOf(skipPrevious(state, at));
    case 'pause':
      return stateOf(pause(state, at));
    case 'resume':
      return stateOf(resume(state, at));
    case 'seek': {
      if (!active || state.playing.kind === 'ad') return null;
      const positionMs = action.positionMs ?? Math.floor(ctx.random.next() * durationOf(state.playing));
      return stateOf(seek(state, at, positionMs, ctx.model));
    }
    case 'volume': {
      const device = activeDevice(state);
      if (!device) return null;
      const volume = action.volume ?? ctx.random.int(101);
      return volume === device.volume ? null : stateOf(setVolume(state, at, volume));
    }
    case 'device': {
      const others = state.devices.filter((d) => d.id !== state.activeDeviceId);
      if (!active || others.length === 0) return null;
      return stateOf(transfer(state, at, action.deviceId ?? ctx.random.pick(others).id));
    }
    case 'queue_add': {
      if (!active) return null;
      const item =
        action.uri === undefined ? ctx.random.pick(ctx.catalog.tracks) : ctx.catalog.item(action.uri);
      return item ? stateOf(addToQueue(state, at, item)) : null;
    }
    case 'queue_clear':
      return active && state.queue.length > 0 ? clearQueue(state, at) : null;
    case 'stop':
      return active ? stop(state, at) : null;
    case 'start': {
      if (active) return null;
      const deviceId = action.deviceId ?? ctx.random.pick(state.devices).id;
      return playContext(state, at, action.contextUri, deviceId, ctx);
    }
    case 'context':
      return active ? playContext(state, at, action.contextUri, null, ctx) : null;
    case 'shuffle':
      return active ? stateOf(setShuffle(state, at, action.on ?? !state.shuffle, ctx.model)) : null;
    case 'repeat':
      return active ? stateOf(setRepeat(state, at, action.state ?? REPEAT_CYCLE[state.repeat])) : null;
  }
}

function playContext(
  state: ListenerState,
  at: number,
  contextUri: string | undefined,
  deviceId: string | null,
  ctx: AppActionContext,
): ListenerState | null {
  const { showContexts, musicContexts } = ctx.catalog;
  const pool = showContexts.length > 0 && ctx.random.chance(ctx.podcastChance) ? showContexts : musicContexts;
  const context = contextUri === undefined ? ctx.random.pick(pool) : ctx.catalog.context(contextUri);
  if (!context) return null;
  // Albums and shows are started from the top, playlists and artists anywhere.
  const fromTop = context.type === 'album' || context.type === 'show';
  const startIndex = fromTop ? 0 : ctx.random.int(context.items.length);
  return stateOf(playNew(state, at, { source: { context }, startIndex, positionMs: 0, deviceId }, ctx.model));
}
