import type { UnpublishedEvent } from '../../contract/events';
import type { EngineOptions } from '../engine-options';
import type { EngineState } from './engine-state';
import { isDragOver, released } from './volume-drag';

export interface FlushResult {
  state: EngineState;
  events: UnpublishedEvent[];
}

/**
 * Releases a held `volumeChanged` whose coalescing window is over at `now`, when no observation came to release
 * it. `flush(state, Infinity, options)` releases it whatever the time (replay, at the end of its input). Pure.
 */
export function flush(state: EngineState, now: number, options: EngineOptions): FlushResult {
  const held = state.heldVolume;
  if (held === null || !isDragOver(held, now, options)) return { state, events: [] };
  return { state: { ...state, heldVolume: null }, events: [released(held)] };
}
