import type { EngineOptions } from '../engine-options';
import type { PlayerSnapshot, QueueSnapshot } from '../snapshot';
import type { TrackChange } from './player-change';
import { queuePositionOf } from './queue-position';
import { isRestart } from './restart';

/**
 * A new item started: the URI changed to an item (a change to an ad or to nothing is no track change), or the
 * same URI started over. Null otherwise. `ended` is `previousEnded` of the two observations.
 */
export function detectTrackChange(
  prev: PlayerSnapshot,
  next: PlayerSnapshot,
  elapsed: number,
  ended: boolean,
  queue: QueueSnapshot | null,
  options: EngineOptions,
): TrackChange | null {
  const current = next.active ? next.item : null;
  if (current === null) return null;
  const previous = prev.active ? prev.item : null;
  const restart = previous !== null && previous.uri === current.uri;
  if (restart && !isRestart(prev, next, elapsed, current.durationMs, options)) return null;
  return {
    kind: 'track',
    previous,
    current,
    contextUri: next.contextUri,
    restart,
    evidence: {
      previousEnded: ended,
      queuePosition: restart ? 'repeat' : queuePositionOf(prev, current, queue, elapsed, options.endWindowMs),
    },
  };
}
