import type { UnpublishedEvent, UnpublishedPayload } from '../../contract/events';
import { attribute } from '../attribute/attribute';
import { diffPlayer } from '../diff/diff-player';
import { diffQueue } from '../diff/diff-queue';
import type { PlayerChange, VolumeChange } from '../diff/player-change';
import type { EngineOptions } from '../engine-options';
import type { Hint } from '../hint';
import type { Observation, PlayerSnapshot, QueueSnapshot } from '../snapshot';
import type { EngineState } from './engine-state';
import { isStale } from './stale-observation';
import { isSwitchingItem } from './switching-item';
import { holdVolume, isDragOver, released } from './volume-drag';

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
 * The first player observation and the first queue observation are baselines and emit nothing. An observation
 * older than the last one of its kind, or repeating it, is ignored (see `isStale`); so is a track without its
 * item while Spotify switches (see `isSwitchingItem`), apart from releasing a held volume whose window is over.
 * A volume change is held (see `volumeCoalesceMs` and `holdVolume`): further changes of the same drag within the
 * window update the held event, and the first observation past the window, or `flush`, releases it. Its
 * `playbackStateChanged` is not held: the state is the state, while `volumeChanged` is the discrete, coalesced
 * event.
 */
export function step(
  state: EngineState,
  observation: Observation,
  hints: readonly Hint[],
  options: EngineOptions,
): StepResult {
  if (isStale(state, observation)) return { state, events: [], consumedHintIds: [] };
  const at = observation.kind === 'player' ? observation.snapshot.observedAt : observation.queue.observedAt;
  const events: UnpublishedEvent[] = [];
  let held = state.heldVolume;
  if (held !== null && isDragOver(held, at, options)) {
    events.push(released(held));
    held = null;
  }
  return observation.kind === 'player'
    ? stepPlayer(state, observation.snapshot, held, hints, options, events)
    : stepQueue(state, observation.queue, held, hints, options, events);
}

function stepPlayer(
  state: EngineState,
  next: PlayerSnapshot,
  held: HeldVolume,
  hints: readonly Hint[],
  options: EngineOptions,
  events: UnpublishedEvent[],
): StepResult {
  if (isSwitchingItem(next)) return { state: { ...state, heldVolume: held }, events, consumedHintIds: [] };
  const prev = state.player;
  if (prev === null)
    return { state: { ...state, player: next, heldVolume: held }, events, consumedHintIds: [] };
  const queue = state.playOrderChangedSinceQueue ? null : state.queue;
  const changes = diffPlayer(prev, next, { options, queue });
  const attributed = attribute(changes, hints, { observedAt: next.observedAt });
  let observed = attributed.events;
  const volume = changes.find((change): change is VolumeChange => change.kind === 'volume');
  // With coalescing off the volume event goes out with the others; otherwise the drag takes it over.
  if (volume !== undefined && options.volumeCoalesceMs > 0) {
    const hold = holdVolume(held, volumeEventOf(observed), attributed.claimedChanges.includes(volume));
    events.push(...hold.released);
    held = hold.held;
    observed = observed.filter((event) => event.event !== 'volumeChanged');
  }
  events.push(...observed);
  return {
    state: {
      player: next,
      queue: state.queue,
      playOrderChangedSinceQueue: state.playOrderChangedSinceQueue || playOrderChanged(changes),
      heldVolume: held,
    },
    events,
    consumedHintIds: attributed.consumedHintIds,
  };
}

function stepQueue(
  state: EngineState,
  next: QueueSnapshot,
  held: HeldVolume,
  hints: readonly Hint[],
  options: EngineOptions,
  events: UnpublishedEvent[],
): StepResult {
  const prev = state.queue;
  const nextState = { ...state, queue: next, playOrderChangedSinceQueue: false, heldVolume: held };
  if (prev === null) return { state: nextState, events, consumedHintIds: [] };
  const changes = diffQueue(prev, next, {
    playOrderChanged: state.playOrderChangedSinceQueue,
    queueWindowItems: options.queueWindowItems,
  });
  const { events: observed, consumedHintIds } = attribute(changes, hints, { observedAt: next.observedAt });
  events.push(...observed);
  return { state: nextState, events, consumedHintIds };
}

/** The observation's `volumeChanged`, or null when none was emitted (an announced hint claimed the change). */
function volumeEventOf(events: readonly UnpublishedEvent[]): UnpublishedPayload<'volumeChanged'> | null {
  for (const event of events) if (event.event === 'volumeChanged') return event.data;
  return null;
}

/** The queue Spotify shows is rebuilt when the context, shuffle or repeat changes. */
function playOrderChanged(changes: readonly PlayerChange[]): boolean {
  return changes.some(
    (change) =>
      change.kind === 'playbackState' &&
      change.reasons.some((reason) => reason === 'context' || reason === 'shuffle' || reason === 'repeat'),
  );
}
