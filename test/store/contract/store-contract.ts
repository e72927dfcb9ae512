import { activeUserContract } from './active-user-contract';
import { budgetContract } from './budget-contract';
import { busContract } from './bus-contract';
import { cooldownContract } from './cooldown-contract';
import { eventStreamContract } from './event-stream-contract';
import { guardedReservationContract } from './guarded-reservation-contract';
import { hintContract } from './hint-contract';
import { latestStateContract } from './latest-state-contract';
import { leaseContract } from './lease-contract';
import { refreshLockContract } from './refresh-lock-contract';
import type { MakeStores } from './store-fixture';
import { tokenContract } from './token-contract';
import { tuningContract } from './tuning-contract';
import { workerContract } from './worker-contract';

/**
 * What every backend of `Stores` must do, run against each (memory-stores.test.ts, redis-stores.test.ts).
 * Instants are passed explicitly throughout: no backend may read a clock of its own.
 */
export function describeStoreContract(name: string, makeStores: MakeStores): void {
  describe(`${name} stores contract`, () => {
    tokenContract(makeStores);
    refreshLockContract(makeStores);
    hintContract(makeStores);
    activeUserContract(makeStores);
    latestStateContract(makeStores, 'latestState');
    latestStateContract(makeStores, 'playbackStates');
    eventStreamContract(makeStores);
    budgetContract(makeStores);
    cooldownContract(makeStores);
    guardedReservationContract(makeStores);
    workerContract(makeStores);
    leaseContract(makeStores);
    tuningContract(makeStores);
    busContract(makeStores);
  });
}
