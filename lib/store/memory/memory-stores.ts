import { PubSubNudgeBus } from '../pub-sub-nudge-bus';
import { resolveStoreOptions, type StoreOptions } from '../store-options';
import type { Stores } from '../stores';
import { MemoryActiveUserStore } from './memory-active-user-store';
import { MemoryBudgetLedger } from './memory-budget-ledger';
import { MemoryCooldownStore } from './memory-cooldown-store';
import { MemoryEventStreamStore } from './memory-event-stream-store';
import { MemoryHintStore } from './memory-hint-store';
import { MemoryLatestStateStore } from './memory-latest-state-store';
import { MemoryLeaseStore } from './memory-lease-store';
import { MemoryPubSub } from './memory-pub-sub';
import { MemoryRefreshLockStore } from './memory-refresh-lock-store';
import { MemoryTokenStore } from './memory-token-store';
import { MemoryTuningStore } from './memory-tuning-store';
import { MemoryWorkerStore } from './memory-worker-store';

/** All stores in this process's memory: one process, no Redis, and virtual time (nothing here reads a clock). */
export function createMemoryStores(options: Partial<StoreOptions> = {}): Stores {
  const { bufferSize } = resolveStoreOptions(options);
  const pubSub = new MemoryPubSub();
  const cooldown = new MemoryCooldownStore();
  return {
    tokens: new MemoryTokenStore(),
    refreshLocks: new MemoryRefreshLockStore(),
    hints: new MemoryHintStore(),
    activeUsers: new MemoryActiveUserStore(),
    latestState: new MemoryLatestStateStore('latestState'),
    playbackStates: new MemoryLatestStateStore('playbackStates'),
    eventStreams: new MemoryEventStreamStore(bufferSize),
    budget: new MemoryBudgetLedger((now) => cooldown.inForce(now)),
    cooldown,
    workers: new MemoryWorkerStore(),
    leases: new MemoryLeaseStore(),
    tuning: new MemoryTuningStore(),
    bus: new PubSubNudgeBus(pubSub, { nudge: 'nudge', tuningChanged: 'tuning-changed' }),
    close: () => pubSub.close(),
  };
}
