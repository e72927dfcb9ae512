import type { UnpublishedEvent } from '../../../lib/contract/events';
import type { EngineState } from '../../../lib/core/engine/engine-state';
import { initialEngineState } from '../../../lib/core/engine/engine-state';
import { step } from '../../../lib/core/engine/step';
import type { EngineOptions } from '../../../lib/core/engine-options';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import type { Hint } from '../../../lib/core/hint';
import type { Observation, PlayerSnapshot, QueueSnapshot } from '../../../lib/core/snapshot';
import { T0 } from '../builders';

export interface EngineRun {
  state: EngineState;
  events: UnpublishedEvent[];
  consumedHintIds: string[];
}

/** Steps through `observations` as a worker would: consumed hints are deleted before the next step. */
export function runEngine(
  observations: readonly Observation[],
  hints: readonly Hint[] = [],
  options: EngineOptions = DEFAULT_ENGINE_OPTIONS,
  from: EngineState = initialEngineState(),
): EngineRun {
  let state = from;
  let remaining = hints;
  const events: UnpublishedEvent[] = [];
  const consumedHintIds: string[] = [];
  for (const observation of observations) {
    const result = step(state, observation, remaining, options);
    state = result.state;
    events.push(...result.events);
    consumedHintIds.push(...result.consumedHintIds);
    remaining = remaining.filter((hint) => !result.consumedHintIds.includes(hint.id));
  }
  return { state, events, consumedHintIds };
}

export const seen = (snapshot: PlayerSnapshot): Observation => ({ kind: 'player', snapshot });
export const seenQueue = (queue: QueueSnapshot): Observation => ({ kind: 'queue', queue });

/** `event:source`, with what a volume event (value, and when it was seen after `T0`) or a queue event carries. */
export function summarizeEvents(events: readonly UnpublishedEvent[]): string[] {
  return events.map((event) => {
    const head = `${event.event}:${event.data.source}`;
    if (event.event === 'volumeChanged') return `${head} ${event.data.volume}@+${event.data.timestamp - T0}`;
    if (event.event === 'queueUpdated')
      return `${head} ${event.data.action} ${event.data.trackUris?.join(',') ?? ''}`;
    return head;
  });
}
