import type { Allocation } from './allocation';
import { cadenceIntervalMs } from './cadence-interval';
import { naturalEndPollAt } from './natural-end';
import { isUrgentPoll } from './poll-urgency';
import type { SchedulerTuning } from './scheduler-tuning';
import type { UserSchedule } from './user-schedule';

export type PlayerPollReason = 'first' | 'hint' | 'backoff' | 'fast_follow' | 'predicted_end' | 'cadence';
export type QueuePollReason = 'first' | 'hint' | 'fast_follow' | 'track_change' | 'slow_timer' | 'backoff';

export interface PlannedPoll<Reason> {
  /** When the request is due (never before `now`). */
  at: number;
  reason: Reason;
}

/**
 * A user's next requests. The player and the queue are separate requests and both count against the budget;
 * `queue` is null while there is no device (or before the first player poll). A queue poll owed after a track
 * change is due as soon as that change is seen (the queue's least gap allowing).
 */
export interface PollPlan {
  player: PlannedPoll<PlayerPollReason>;
  queue: PlannedPoll<QueuePollReason> | null;
  /**
   * When the user's earliest urgent request (see `isUrgentPoll`) falls due, even behind a deferrable one due
   * sooner; null when none is planned. A deferrable request held back (pacing, a full budget ledger) must not
   * hold back the natural-end poll that comes due meanwhile: the worker looks at the user again then.
   */
  urgentAt: number | null;
}

/**
 * When to poll this user next, and why. Backoff overrides everything; a first poll or a hint polls at once;
 * otherwise the earliest of the fast-follow of a hinted change, the natural-end poll (counted as a
 * fast-follow once the end is overdue) and the cadence, where a cadence poll just before the end poll is
 * skipped in its favour (see `endMergeFraction`). Pure: jitter was drawn when the last poll was recorded.
 */
export function planNextPoll(
  schedule: UserSchedule,
  allocation: Allocation,
  now: number,
  tuning: SchedulerTuning,
): PollPlan {
  const player = playerCandidates(schedule, allocation, tuning);
  const queue = schedule.playback?.active ? queueCandidates(schedule, allocation, now, tuning) : null;
  const urgent = [
    ...player.filter((candidate) => isUrgentPoll({ endpoint: 'player', reason: candidate.reason })),
    ...(queue ?? []).filter((candidate) => isUrgentPoll({ endpoint: 'queue', reason: candidate.reason })),
  ];
  return {
    player: earliest(player, now),
    queue: queue === null ? null : earliest(queue, now),
    urgentAt: urgent.length === 0 ? null : earliest(urgent, now).at,
  };
}

/** The player polls that may come next, the more urgent first (see `earliest`). */
function playerCandidates(
  schedule: UserSchedule,
  allocation: Allocation,
  tuning: SchedulerTuning,
): PlannedPoll<PlayerPollReason>[] {
  const { lastPollAt, backoff } = schedule;
  if (lastPollAt === null) return [{ at: -Infinity, reason: 'first' }];
  if (backoff !== null) return [{ at: backoff.until, reason: 'backoff' }];
  if (schedule.hintPollDue) return [{ at: -Infinity, reason: 'hint' }];
  const intervalMs =
    cadenceIntervalMs(schedule, allocation, tuning) * (1 + tuning.jitterFraction * schedule.jitter);
  const cadenceAt = lastPollAt + intervalMs;
  const candidates: PlannedPoll<PlayerPollReason>[] = [];
  const follow = lastPollAt + tuning.fastFollowIntervalMs;
  if (schedule.followPlayerUntil !== null && follow < schedule.followPlayerUntil) {
    candidates.push({ at: follow, reason: 'fast_follow' });
  }
  const endAt = allocation.endPolls ? naturalEndPollAt(schedule, tuning) : null;
  if (endAt !== null) {
    candidates.push({
      at: endAt,
      reason: schedule.endOverdueSince === null ? 'predicted_end' : 'fast_follow',
    });
  }
  const mergedIntoEnd =
    endAt !== null && endAt > cadenceAt && endAt - cadenceAt <= tuning.endMergeFraction * intervalMs;
  if (!mergedIntoEnd) candidates.push({ at: cadenceAt, reason: 'cadence' });
  return candidates;
}

/** The queue polls that may come next, the more urgent first: a backoff overrides them all. */
function queueCandidates(
  schedule: UserSchedule,
  allocation: Allocation,
  now: number,
  tuning: SchedulerTuning,
): PlannedPoll<QueuePollReason>[] {
  const { lastPollAt } = schedule.queue;
  const candidates: PlannedPoll<QueuePollReason>[] =
    lastPollAt === null
      ? // The queue's baseline waits its least gap after the first look at the player: under a scarce budget,
        // every user's first player poll matters more than anyone's queue.
        [{ at: (schedule.firstObservedAt ?? now) + allocation.queueMinIntervalMs, reason: 'first' }]
      : laterQueueCandidates(schedule, lastPollAt, allocation, tuning);
  const backoffUntil = schedule.backoff?.until ?? -Infinity;
  return backoffUntil > earliest(candidates, now).at ? [{ at: backoffUntil, reason: 'backoff' }] : candidates;
}

function laterQueueCandidates(
  schedule: UserSchedule,
  lastPollAt: number,
  allocation: Allocation,
  tuning: SchedulerTuning,
): PlannedPoll<QueuePollReason>[] {
  const { owed, followUntil } = schedule.queue;
  const candidates: PlannedPoll<QueuePollReason>[] = [];
  if (owed?.reason === 'hint') candidates.push({ at: owed.since, reason: 'hint' });
  if (owed?.reason === 'track_change') {
    candidates.push({
      at: Math.max(owed.since, lastPollAt + allocation.queueMinIntervalMs),
      reason: 'track_change',
    });
  }
  const follow = lastPollAt + tuning.fastFollowIntervalMs;
  if (followUntil !== null && follow < followUntil) candidates.push({ at: follow, reason: 'fast_follow' });
  candidates.push({ at: lastPollAt + allocation.queueSlowIntervalMs, reason: 'slow_timer' });
  return candidates;
}

/**
 * The earliest, with overdue ones counted as due now; on a tie the one listed first (the more urgent), so a
 * natural-end poll is not hidden behind a cadence poll that the budget is holding back.
 */
function earliest<Reason>(candidates: readonly PlannedPoll<Reason>[], now: number): PlannedPoll<Reason> {
  let best: PlannedPoll<Reason> | null = null;
  for (const candidate of candidates) {
    const at = Math.max(now, candidate.at);
    if (best === null || at < best.at) best = { at, reason: candidate.reason };
  }
  return best as PlannedPoll<Reason>;
}
