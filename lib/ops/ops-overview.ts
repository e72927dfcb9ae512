import type { ListenerStatus, PlaybackState } from '../contract/events';
import type { Stores } from '../store';
import type { WorkerStatus } from './worker-status';

export type OpsUserState = 'playing' | 'paused' | 'idle' | 'unknown';

export interface OpsOverview {
  now: number;
  budget: { limit: number; windowMs: number; used: number };
  cooldown: { until: number; reason: string } | null;
  /** 429s received by the live workers since they started. */
  total429s: number;
  workers: Array<{ id: string; users: string[]; alive: boolean }>;
  users: Array<{
    userId: string;
    state: OpsUserState;
    status: ListenerStatus;
    cadenceMs: number | null;
    nextPollAt: number | null;
    worker: string | null;
  }>;
}

export interface OpsOverviewInputs {
  stores: Pick<Stores, 'activeUsers' | 'budget' | 'cooldown' | 'workers' | 'leases' | 'playbackStates'>;
  /** The live workers' latest statuses. */
  statuses: readonly WorkerStatus[];
  now: number;
  budget: { limit: number; windowMs: number };
}

function stateOf(playback: unknown): OpsUserState {
  if (playback === null || typeof playback !== 'object') return 'unknown';
  const state = playback as Partial<PlaybackState>;
  if (state.device === null || state.track === null) return 'idle';
  return state.isPlaying ? 'playing' : 'paused';
}

/** The ops page's picture of the cluster, read from the shared stores and the workers' statuses. */
export async function opsOverview(inputs: OpsOverviewInputs): Promise<OpsOverview> {
  const { stores, now } = inputs;
  const [active, used, cooldown, liveWorkers] = await Promise.all([
    stores.activeUsers.active(now),
    stores.budget.used(now, inputs.budget.windowMs),
    stores.cooldown.current(now),
    stores.workers.liveWorkers(now),
  ]);
  const polled = new Map(
    inputs.statuses.flatMap((status) => status.users.map((user) => [user.userId, user])),
  );
  const users = await Promise.all(
    [...active].sort().map(async (userId) => {
      const [owner, playback] = await Promise.all([
        stores.leases.leaseOwner(userId, now),
        stores.playbackStates.get(userId),
      ]);
      const status = polled.get(userId);
      return {
        userId,
        state: stateOf(playback),
        status: status?.status ?? 'live',
        cadenceMs: status?.cadenceMs ?? null,
        nextPollAt: status?.nextPollAt ?? null,
        worker: owner,
      };
    }),
  );
  const workers = await Promise.all(
    [...liveWorkers].sort().map(async (id) => ({
      id,
      users: (await stores.leases.leasesOf(id, now)).sort(),
      alive: true,
    })),
  );
  return {
    now,
    budget: { ...inputs.budget, used },
    cooldown: cooldown === null ? null : { until: cooldown.until, reason: cooldown.reason },
    total429s: inputs.statuses.reduce((sum, status) => sum + status.rateLimited, 0),
    workers,
    users,
  };
}
