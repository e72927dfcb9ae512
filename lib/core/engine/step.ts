import type { UnpublishedEvent } from '../../contract/events';
import { attribute } from '../attribute/attribute';
import { diffPlayer } from '../diff/diff-player';
import { diffQueue } from '../diff/diff-queue';
import type { PlayerChange, VolumeChange } from '../diff/player-change';
import type { EngineOptions } from '../engine-options';
import type { Hint } from '../hint';
import type { Observation, PlayerSnapshot, QueueSnapshot } from '../snapshot';
import type { EngineState } from './engine-state';
import { continuesDrag, extendDrag, isDragOver, released } from './volume-drag';

export interface StepResult {
  state: EngineState;
  /** In order: a held volume released by this observation first, then this observation's events. */
  events: UnpublishedEvent[];
  /** Hints that claimed a change; the caller deletes them. */
  consumedHintIds: string[];
}

type HeldVolume = EngineState['heldVolume'];

/**
 * One observation of one listener through diff and attribution: the per-user reducer. Pure and deterministic;
 * `hints` are the listener's hints (those not live at the observation are ignored).
 *
 * The first player observation and the first queue observation are baselines and emit nothing. A volume change
 * is held (see `volumeCoalesceMs`): changes of the same device's volume within the window update the held event,
 * and the first observation past the window, or `flush`, releases it. Its `playbackStateChanged` is not held:
 * the state is the state, while `volumeChanged` is the discrete, coalesced event.
 */
export function step(
  state: EngineState,
  observation: Observation,
  hints: readonly Hint[],
  options: EngineOptions,
): StepResult {
  const at = observation.kind === 'player' ? observation.snapshot.observedAt : observation.queue.observedAt;
  const events: UnpublishedEvent[] = [];
  let held = state.heldVolume;
  if (held !== null && isDragOver(held, at, options)) {
    events.push(released(held));
    held = null;
  }
  return observation.kind === 'player'
    ? stepPlayer(state, observation.snapshot, held, hints, options, events)
    : stepQueue(state, observation.queue, held, hints, events);
}

function stepPlayer(
  state: EngineState,
  next: PlayerSnapshot,
  held: HeldVolume,
  hints: readonly Hint[],
  options: EngineOptions,
  events: UnpublishedEvent[],
): StepResult {
  const prev = state.player;
  if (prev === null)
    return { state: { ...state, player: next, heldVolume: held }, events, consumedHintIds: [] };
  const queue = state.playOrderChangedSinceQueue ? null : state.queue;
  let changes = diffPlayer(prev, next, { options, queue });
  const volume = changes.find((change): change is VolumeChange => change.kind === 'volume');
  if (held !== null && volume !== undefined) {
    if (continuesDrag(held, volume)) {
      held = extendDrag(held, volume, next.observedAt);
      changes = changes.filter((change) => change !== volume);
    } else {
      events.push(released(held));
      held = null;
    }
  }
  const { events: observed, consumedHintIds } = attribute(changes, hints, { observedAt: next.observedAt });
  for (const event of observed) {
    if (event.event === 'volumeChanged' && options.volumeCoalesceMs > 0) held = event.data;
    else events.push(event);
  }
  return {
    state: {
      player: next,
      queue: state.queue,
      playOrderChangedSinceQueue: state.playOrderChangedSinceQueue || playOrderChanged(changes),
      heldVolume: held,
    },
    events,
    consumedHintIds,
  };
}

function stepQueue(
  state: EngineState,
  next: QueueSnapshot,
  held: HeldVolume,
  hints: readonly Hint[],
  events: UnpublishedEvent[],
): StepResult {
  const prev = state.queue;
  const nextState = { ...state, queue: next, playOrderChangedSinceQueue: false, heldVolume: held };
  if (prev === null) return { state: nextState, events, consumedHintIds: [] };
  const changes = diffQueue(prev, next, { playOrderChanged: state.playOrderChangedSinceQueue });
  const { events: observed, consumedHintIds } = attribute(changes, hints, { observedAt: next.observedAt });
  events.push(...observed);
  return { state: nextState, events, consumedHintIds };
}

/** The queue Spotify shows is rebuilt when the context, shuffle or repeat changes. */
function playOrderChanged(changes: readonly PlayerChange[]): boolean {
  return changes.some(
    (change) =>
      change.kind === 'playbackState' &&
      change.reasons.some((reason) => reason === 'context' || reason === 'shuffle' || reason === 'repeat'),
  );
}
