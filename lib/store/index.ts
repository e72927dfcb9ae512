/** The shared stores (DESIGN sections 1, 3 and 4): interfaces, the two backends, and the Redis key names. */
export type { ActiveUserStore } from './active-user-store';
export type { BudgetLedger, GuardedReservation, Reservation } from './budget-ledger';
export type { Cooldown, CooldownStore } from './cooldown-store';
export type { EventStreamStore, ReadAfterResult, StreamEntry } from './event-stream-store';
export type { HintStore } from './hint-store';
export { InvalidKeyPartError } from './invalid-key-part-error';
export { assertKeyPart, isValidKeyPart, type KeyPartKind } from './key-part';
export { DEFAULT_KEY_PREFIX, storeKeys, type StoreKeys } from './keys';
export type { LatestStateStore } from './latest-state-store';
export type { LeaseStore } from './lease-store';
export { createMemoryStores } from './memory/memory-stores';
export type { NudgeBus, Unsubscribe } from './nudge-bus';
export { createRedisStores } from './redis/redis-stores';
export type { RefreshLockStore } from './refresh-lock-store';
export { STREAM_START_ID } from './replay-gap';
export { StoreDataError } from './store-data-error';
export {
  DEFAULT_REDIS_STORE_OPTIONS,
  DEFAULT_STORE_OPTIONS,
  resolveRedisStoreOptions,
  resolveStoreOptions,
  type RedisStoreOptions,
  type StoreOptions,
} from './store-options';
export type { Stores } from './stores';
export type { AccessTokenUpdate, TokenRecord, TokenStatus, TokenStore } from './token-store';
export type { Tuning, TuningStore } from './tuning-store';
export type { WorkerStore } from './worker-store';
