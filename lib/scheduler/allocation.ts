import { fillTarget } from './cadence-interval';
import { endPollRatePerMs, naturalEndPollAt } from './natural-end';
import { queuePlan } from './queue-plan';
import type { SchedulerTuning } from './scheduler-tuning';
import type { UserSchedule } from './user-schedule';
import { newUserSchedule } from './user-schedule';
import type { FillTarget } from './water-fill';
import { fillScale, totalRate } from './water-fill';

/**
 * How many requests this worker may have in any window, by urgency (see `isUrgentPoll`). Urgent requests may
 * fill the whole share; the others are paced `deferrableSpacingMs` apart (Bottleneck's `minTime`), so they
 * never take more than `deferrable` of a window and the rest stays free for the urgent ones when they come.
 */
export interface RequestLimits {
  total: number;
  deferrable: number;
  deferrableSpacingMs: number;
}

/** Requests per window the allocation planned, by purpose (for metrics and health). */
export interface AllocationPlan {
  windowMs: number;
  /** The worker's share it was given. */
  pollsPerWindow: number;
  /** Kept for urgent requests: the headroom and the natural-end polls. */
  urgentReserve: number;
  /**
   * Natural-end polls planned: one per end predicted within the window, within `endShareMax` of the share.
   */
  endPolls: number;
  /** Queue polls expected. */
  queuePolls: number;
  /** Cadence polls at the allocated rates. */
  cadencePolls: number;
  users: number;
}

/**
 * One worker's split of its budget share, as plain data. A user's poll rate, natural-end polls included, is
 * `scale·√λ̂` clamped to their bounds in their current state (see `fillTarget`, `cadenceIntervalMs`), so the
 * allocation stays usable between recomputations; recompute when users come and go, or every second or so.
 */
export interface Allocation {
  computedAt: number;
  /** Cadence polls per ms per √(changes per ms). */
  scale: number;
  /**
   * False when the plan cannot pay for every user's maximum interval: intervals then stretch past it by √λ.
   */
  maxIntervalsHold: boolean;
  /**
   * False when natural ends come faster than `endShareMax` of the share can pay for (judged by the playing
   * items' durations, not by the ends that happen to fall in the next window): the cadence alone runs.
   */
  endPolls: boolean;
  /** Least gap between a user's queue polls (hints aside), stretched when the queue's share runs short. */
  queueMinIntervalMs: number;
  /** The queue's slow timer, never shorter than `queueMinIntervalMs`. */
  queueSlowIntervalMs: number;
  limits: RequestLimits;
  plan: AllocationPlan;
}

/**
 * The headroom kept while no urgent request other than a natural-end poll is coming: two standard deviations
 * of the (Poisson) count of end polls in a window, and at least two requests, so that an end poll or a nudge
 * seldom finds the window full. Keeping a whole tenth of the budget for hints that do not come left it unspent
 * (the detection benchmark found a fifth of the budget unused in steady state).
 */
function idleHeadroom(endsDue: number): number {
  return Math.max(2, 2 * Math.sqrt(endsDue));
}

/**
 * Splits `pollsPerWindow` (this worker's share of the budget, at least 1) among `users` (its active users).
 * Urgent requests get a reserve: one poll per natural end predicted within the window, plus the headroom
 * (all of it while other urgent requests are coming, see `expectsUrgentPolls`; at most `idleHeadroom`
 * otherwise). The rest is the deferrable limit, planned to `paceUtilization` of it so that pacing keeps up:
 * the queue's expected polls (at most `queueShareMax` of it) and the cadence. The cadence and the natural-end
 * polls together are spread over the users by the square-root law on their estimated change rates,
 * water-filled against the interval bounds, each playing user getting at least the end polls of their item
 * (cadence planned on top of them went unspent, since an end poll restarts the cadence: a quarter of a
 * scarce budget was left over). Planned polls
 * never exceed the share. When it cannot cover every user's maximum interval those bounds are dropped, so
 * intervals stretch in proportion to 1/√λ instead of all alike.
 */
export function allocate(
  users: Iterable<UserSchedule>,
  pollsPerWindow: number,
  now: number,
  tuning: SchedulerTuning,
): Allocation {
  if (!(Number.isFinite(pollsPerWindow) && pollsPerWindow >= 1)) {
    throw new RangeError(`allocate: pollsPerWindow must be a finite number >= 1, got ${pollsPerWindow}`);
  }
  const schedules = [...users];
  const { windowMs, headroomFraction } = tuning;
  const total = Math.floor(pollsPerWindow);
  const endingSoon = schedules.map((schedule) => endsWithin(schedule, now + windowMs, tuning));
  const endCap = tuning.endShareMax * total;
  // Natural ends per ms if every playing item ran to its end.
  const endsIfPlayedPerMs = schedules.reduce((sum, schedule) => sum + endPollRatePerMs(schedule), 0);
  const endPolls = endsIfPlayedPerMs * windowMs <= endCap;
  const endsDue = endPolls ? Math.min(endingSoon.filter(Boolean).length, endCap) : 0;
  const urgentComing = schedules.some((schedule) => expectsUrgentPolls(schedule, now));
  const headroom = headroomFraction * total;
  const kept = urgentComing ? headroom : Math.min(headroom, idleHeadroom(endsDue));
  const urgentReserve = Math.min(total - 1, Math.ceil(kept + endsDue));
  const deferrable = total - urgentReserve;
  const deferrablePlan = tuning.paceUtilization * deferrable;
  const queue = queuePlan(schedules, endingSoon, deferrablePlan, tuning);
  const cadencePerMs = (deferrablePlan - queue.polls) / windowMs;
  // The water-filling shares out every player poll, natural-end polls (paid from the reserve) included.
  const endsPerMs = endPolls ? endsIfPlayedPerMs : 0;
  const pollsPerMs = cadencePerMs + endsPerMs;
  const bounded = schedules.map((schedule) => fillTarget(schedule, tuning, true, endPolls));
  const maxIntervalsHold = bounded.reduce((sum, target) => sum + target.low, 0) <= pollsPerMs;
  const targets = maxIntervalsHold
    ? bounded
    : schedules.map((schedule): FillTarget => fillTarget(schedule, tuning, false, endPolls));
  // With nobody to split among, the scale a lone new listener would get, for whoever comes next.
  const scale =
    targets.length > 0
      ? fillScale(targets, pollsPerMs)
      : cadencePerMs / fillTarget(newUserSchedule(), tuning, true, endPolls).weight;
  return {
    computedAt: now,
    scale,
    maxIntervalsHold,
    endPolls,
    queueMinIntervalMs: queue.minIntervalMs,
    queueSlowIntervalMs: queue.slowIntervalMs,
    limits: { total, deferrable, deferrableSpacingMs: windowMs / deferrable },
    plan: {
      windowMs,
      pollsPerWindow,
      urgentReserve,
      endPolls: Math.min(endsDue, urgentReserve),
      queuePolls: queue.polls,
      cadencePolls: Math.max(0, totalRate(scale, targets) - endsPerMs) * windowMs,
      users: schedules.length,
    },
  };
}

function endsWithin(schedule: UserSchedule, horizon: number, tuning: SchedulerTuning): boolean {
  const at = naturalEndPollAt(schedule, tuning);
  return at !== null && at < horizon;
}

/**
 * Urgent requests other than natural-end polls are coming for this user: their first poll, a hint's poll, or
 * the fast-follow of a hinted change (player or queue).
 */
function expectsUrgentPolls(schedule: UserSchedule, now: number): boolean {
  return (
    schedule.lastPollAt === null ||
    schedule.hintPollDue ||
    (schedule.followPlayerUntil ?? -Infinity) > now ||
    (schedule.queue.followUntil ?? -Infinity) > now ||
    schedule.queue.owed?.reason === 'hint'
  );
}
