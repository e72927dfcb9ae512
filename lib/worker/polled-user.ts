import type { ListenerStatus } from '../contract/events';
import type { EngineState } from '../core/engine/engine-state';
import { newUserSchedule, type UserSchedule } from '../scheduler';

/** What a worker keeps in memory about a user it polls. */
export interface PolledUser {
  readonly id: string;
  /** The engine's state, also stored as the user's latest state after every poll (for a takeover). */
  engine: EngineState;
  schedule: UserSchedule;
  /** A request for this user is queued or running: no second one is dispatched. */
  inFlight: boolean;
  /** Not before this (the budget ledger refused until then). */
  notBefore: number;
  /** What the user's clients were last told. */
  status: ListenerStatus;
  /** Hints already turned into fast-follows (and recorded), by id. */
  seenHintIds: Set<string>;
}

export function newPolledUser(id: string, engine: EngineState): PolledUser {
  return {
    id,
    engine,
    schedule: newUserSchedule(),
    inFlight: false,
    notBefore: -Infinity,
    status: 'live',
    seenHintIds: new Set(),
  };
}
