import type { Observation } from '../snapshot';
import type { EngineState } from './engine-state';
import { sameData } from './same-data';

/**
 * An observation older than the last one of its kind is a late response to an earlier request (polls overlap,
 * retries arrive late): applying it would report the past as new changes, and the next observation the same
 * changes again. One of the same time that repeats the last one says nothing new. Both are ignored; one of the
 * same time that differs is applied (two responses in one millisecond: the later one wins).
 */
export function isStale(state: EngineState, observation: Observation): boolean {
  const [last, next] =
    observation.kind === 'player' ? [state.player, observation.snapshot] : [state.queue, observation.queue];
  if (last === null) return false;
  return next.observedAt < last.observedAt || (next.observedAt === last.observedAt && sameData(last, next));
}
