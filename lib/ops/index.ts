/** The ops page's server side: the overview of users, budget, cooldown and workers. */
export { opsOverview, type OpsOverview, type OpsOverviewInputs, type OpsUserState } from './ops-overview';
export { opsRouter, type OpsRouterDeps } from './ops-router';
export type { PolledUserStatus, WorkerStatus } from './worker-status';
export { createWorkerStatusStore } from './create-worker-status-store';
export { MemoryWorkerStatusStore } from './memory-worker-status-store';
export { RedisWorkerStatusStore } from './redis-worker-status-store';
export type { WorkerStatusStore } from './worker-status-store';
