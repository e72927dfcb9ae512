import type { ActiveUserStore } from './active-user-store';
import type { BudgetLedger } from './budget-ledger';
import type { CooldownStore } from './cooldown-store';
import type { EventStreamStore } from './event-stream-store';
import type { HintStore } from './hint-store';
import type { LatestStateStore } from './latest-state-store';
import type { LeaseStore } from './lease-store';
import type { NudgeBus } from './nudge-bus';
import type { RefreshLockStore } from './refresh-lock-store';
import type { TokenStore } from './token-store';
import type { TuningStore } from './tuning-store';
import type { WorkerStore } from './worker-store';

/**
 * Every piece of shared state, from one backend: `createMemoryStores` (one process, also virtual time) or
 * `createRedisStores` (any number of processes). Instants are always the callers' (`now` from their Clock).
 */
export interface Stores {
  tokens: TokenStore;
  refreshLocks: RefreshLockStore;
  hints: HintStore;
  activeUsers: ActiveUserStore;
  latestState: LatestStateStore;
  /** The latest PlaybackState the publisher was given per user, for `requestPlaybackSync` (not the engine's). */
  playbackStates: LatestStateStore;
  eventStreams: EventStreamStore;
  budget: BudgetLedger;
  cooldown: CooldownStore;
  workers: WorkerStore;
  leases: LeaseStore;
  tuning: TuningStore;
  bus: NudgeBus;
  /** Ends subscriptions and closes the connections the stores opened themselves; idempotent. */
  close(): Promise<void>;
}
