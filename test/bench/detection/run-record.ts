import type { UnpublishedEvent } from '../../../lib/contract/events';
import type { TruthRecord } from '../../../lib/simulator';
import type { ListenerState } from '../../../lib/simulator/player-state';

/** One request a poller sent. */
export interface PollRecord {
  endpoint: 'player' | 'queue';
  /** When Spotify read the state (the request reached it). */
  readAt: number;
  /** When the answer arrived: the observation's `observedAt`, and the timestamp of its events. */
  observedAt: number;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** A 429's `Retry-After`, ms. */
  retryAfterMs?: number;
}

/** Everything a run leaves for the analysis: the truth, what each poller asked, and what it told the clients. */
export interface RunRecord {
  /** In time order. */
  truth: TruthRecord[];
  /** When the listeners were added (their burst phases count from here). */
  startedAt: number;
  listenerIds: string[];
  initialStates: ListenerState[];
  /** Per listener, in order of `readAt`. */
  polls: Map<string, PollRecord[]>;
  /** Per listener, in publishing order; `data.timestamp` is the detecting poll's `observedAt`. */
  events: Map<string, UnpublishedEvent[]>;
}

/** A per-listener list, created on first use. */
export function listOf<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
