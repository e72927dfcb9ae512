import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../core/engine-options';
import type { SchedulerTuning } from '../scheduler';
import { isValidKeyPart } from '../store';

/** How one worker runs. Every option has a default; `resolveWorkerOptions` checks them up front. */
export interface WorkerOptions {
  /** This worker's name in leases, heartbeats and logs. Required. */
  workerId: string;
  /**
   * A dead worker's users are taken over within this. Each lease and heartbeat is held for
   * `leaseTtlMs - membershipIntervalMs`, so the survivors' next pass finds it lapsed in time. Default 15 000.
   */
  leaseTtlMs: number;
  /** Heartbeat, lease renewal and ownership are revisited this often; under half of `leaseTtlMs`. Default a third. */
  membershipIntervalMs: number;
  /** Users stay polled this long after they were last seen active. Default 60 000. */
  lingerMs: number;
  /** Requests to Spotify in flight at once (p-queue). Default 16. */
  maxInFlight: number;
  /** The shared cooldown is re-read at least this often. Default 1000. */
  cooldownCheckMs: number;
  /** The longest single sleep through a cooldown (which may last hours): the loop stays alive. Default 60 000. */
  maxCooldownSleepMs: number;
  /**
   * The budget allocation (O(users) to compute) is recomputed when users come or go, the settings change or
   * the live workers change, and otherwise no more often than this. Default 1000.
   */
  allocationRefreshMs: number;
  /**
   * ... and then once a hint or nudge came (urgent requests are coming) or this fraction of the users has
   * been polled since (their rates and states are what it is made of), so its cost per poll stays the same
   * however many users there are. 0 recomputes it every `allocationRefreshMs`. Default 0.2.
   */
  allocationRefreshFraction: number;
  /**
   * ... or once it is this old, polled or not (which natural ends fall within the next window moves with
   * time). At least `allocationRefreshMs`. Default 10 000.
   */
  allocationMaxAgeMs: number;
  /**
   * A ledger slot is held this much longer than the window: a request reaches Spotify a little after its slot
   * was taken (queueing, the network), and Spotify's window counts it from then. Default 1000.
   */
  requestSkewMarginMs: number;
  /** Consecutive 5xx/timeouts after which a user's clients are told `degraded`. Default 3. */
  degradedAfterFailures: number;
  /** Thresholds of the diff and the attribution. */
  engine: Readonly<EngineOptions>;
  /** Scheduler settings from configuration (budget, window); run-time tuning applies on top. */
  schedulerBase: Partial<SchedulerTuning>;
}

export function resolveWorkerOptions(
  options: Partial<WorkerOptions> & Pick<WorkerOptions, 'workerId'>,
): Readonly<WorkerOptions> {
  const leaseTtlMs = options.leaseTtlMs ?? 15_000;
  const resolved: WorkerOptions = {
    leaseTtlMs,
    membershipIntervalMs: Math.max(1, Math.floor(leaseTtlMs / 3)),
    lingerMs: 60_000,
    maxInFlight: 16,
    cooldownCheckMs: 1000,
    maxCooldownSleepMs: 60_000,
    allocationRefreshMs: 1000,
    allocationRefreshFraction: 0.2,
    allocationMaxAgeMs: 10_000,
    degradedAfterFailures: 3,
    requestSkewMarginMs: 1000,
    engine: DEFAULT_ENGINE_OPTIONS,
    schedulerBase: {},
    ...options,
  };
  if (!isValidKeyPart(resolved.workerId)) {
    throw new RangeError(
      `Worker option \`workerId\` must be a valid id, got ${JSON.stringify(resolved.workerId)}`,
    );
  }
  const positive: (keyof WorkerOptions)[] = [
    'leaseTtlMs',
    'membershipIntervalMs',
    'maxInFlight',
    'cooldownCheckMs',
    'maxCooldownSleepMs',
    'allocationRefreshMs',
    'allocationMaxAgeMs',
    'degradedAfterFailures',
  ];
  for (const key of positive) {
    const value = resolved[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(
        `Worker option \`${key}\` must be a positive number, got ${JSON.stringify(value)}`,
      );
    }
  }
  if (!(resolved.requestSkewMarginMs >= 0)) {
    throw new RangeError(
      `Worker option \`requestSkewMarginMs\` must be >= 0, got ${JSON.stringify(resolved.requestSkewMarginMs)}`,
    );
  }
  const fraction = resolved.allocationRefreshFraction;
  if (!(typeof fraction === 'number' && fraction >= 0 && fraction <= 1)) {
    throw new RangeError(
      `Worker option \`allocationRefreshFraction\` must be a number from 0 to 1, got ${String(fraction)}`,
    );
  }
  if (resolved.allocationMaxAgeMs < resolved.allocationRefreshMs) {
    throw new RangeError(
      `Worker option \`allocationMaxAgeMs\` (${resolved.allocationMaxAgeMs}) must not be shorter than \`allocationRefreshMs\` (${resolved.allocationRefreshMs})`,
    );
  }
  if (!(resolved.lingerMs >= 0)) {
    throw new RangeError(`Worker option \`lingerMs\` must be >= 0, got ${JSON.stringify(resolved.lingerMs)}`);
  }
  if (resolved.membershipIntervalMs * 2 >= resolved.leaseTtlMs) {
    throw new RangeError(
      `Worker option \`membershipIntervalMs\` (${resolved.membershipIntervalMs}) must be under half of \`leaseTtlMs\` (${resolved.leaseTtlMs}): leases are held for leaseTtlMs − membershipIntervalMs and renewed every membershipIntervalMs`,
    );
  }
  return Object.freeze(resolved);
}
