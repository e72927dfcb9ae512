import { formatEventId, nextEventId, type EventIdParts } from '../contract/event-id';
import type { MusicEvent, UnpublishedEvent } from '../contract/events';
import { withEventId } from '../contract/with-event-id';
import { commandExecutedEvent, validateCommandReport } from '../core/command-report';
import type { EngineOptions } from '../core/engine-options';
import { initialEngineState, type EngineState } from '../core/engine/engine-state';
import { flush } from '../core/engine/flush';
import { step } from '../core/engine/step';
import { isHintExpired, type Hint } from '../core/hint';
import { validateHintInput } from '../core/hint-input';
import { normalizePlayer, normalizeQueue } from '../core/normalize';
import type { Observation } from '../core/snapshot';
import type { PollLogLine } from './poll-log';

/**
 * Replay of a poll log: the same normalize → diff → attribute path a worker takes, as a pure fold over the
 * log's lines. Event ids are `<t>-<n>` like a stream's; a held volume change is released by the first line past
 * its window (as a worker's timer would) and by `endReplay`.
 */
export interface ReplayState {
  engine: EngineState;
  hints: Hint[];
  lastEventId: EventIdParts | null;
  hintsRecorded: number;
}

export interface ReplayStepResult {
  state: ReplayState;
  events: MusicEvent[];
  /** Why the line was skipped, when it was. */
  problem?: string;
}

export function initialReplayState(): ReplayState {
  return { engine: initialEngineState(), hints: [], lastEventId: null, hintsRecorded: 0 };
}

export function replayLine(state: ReplayState, line: PollLogLine, options: EngineOptions): ReplayStepResult {
  const flushed = flush(state.engine, line.t, options);
  let current: ReplayState = {
    ...state,
    engine: flushed.state,
    // Only expired hints go: a line's t may run behind the previous line's (a late response was logged after a
    // hint), and a hint recorded after that t is still to come alive.
    hints: state.hints.filter((hint) => !isHintExpired(hint, line.t)),
  };
  const pending: UnpublishedEvent[] = [...flushed.events];
  let problem: string | undefined;

  switch (line.kind) {
    case 'player':
    case 'queue': {
      const observation = observe(line);
      if (!observation.ok) {
        problem = observation.reason;
        break;
      }
      const result = step(current.engine, observation.value, current.hints, options);
      const consumed = new Set(result.consumedHintIds);
      current = {
        ...current,
        engine: result.state,
        hints: current.hints.filter((hint) => !consumed.has(hint.id)),
      };
      pending.push(...result.events);
      break;
    }
    case 'hint': {
      const input = validateHintInput(line.hint);
      if (!input.ok) {
        problem = input.errors.join('; ');
        break;
      }
      const hint: Hint = { ...input.value, id: `hint-${current.hintsRecorded + 1}`, recordedAt: line.t };
      current = { ...current, hints: [...current.hints, hint], hintsRecorded: current.hintsRecorded + 1 };
      break;
    }
    case 'command': {
      const report = validateCommandReport(line.command);
      if (!report.ok) {
        problem = report.errors.join('; ');
        break;
      }
      pending.push(commandExecutedEvent(report.value, line.t));
      break;
    }
  }
  const published = publish(current, pending, line.t);
  return problem === undefined ? published : { ...published, problem };
}

/** Releases whatever is still held at the end of the input. */
export function endReplay(state: ReplayState, options: EngineOptions): ReplayStepResult {
  const flushed = flush(state.engine, Infinity, options);
  const at = state.lastEventId?.ms ?? 0;
  return publish({ ...state, engine: flushed.state }, flushed.events, at);
}

function observe(
  line: PollLogLine & { kind: 'player' | 'queue' },
): { ok: true; value: Observation } | { ok: false; reason: string } {
  if (line.kind === 'player') {
    const snapshot = normalizePlayer(line.status, line.body, line.t);
    return snapshot.ok ? { ok: true, value: { kind: 'player', snapshot: snapshot.value } } : snapshot;
  }
  const queue = normalizeQueue(line.status, line.body, line.t);
  return queue.ok ? { ok: true, value: { kind: 'queue', queue: queue.value } } : queue;
}

function publish(state: ReplayState, pending: readonly UnpublishedEvent[], at: number): ReplayStepResult {
  let lastEventId = state.lastEventId;
  const events: MusicEvent[] = [];
  for (const event of pending) {
    lastEventId = nextEventId(lastEventId, at);
    events.push(withEventId(event, formatEventId(lastEventId.ms, lastEventId.seq)));
  }
  return { state: { ...state, lastEventId }, events };
}
