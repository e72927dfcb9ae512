import { listenerRatePerMs } from './change-rate';
import type { SchedulerTuning } from './scheduler-tuning';
import type { UserSchedule } from './user-schedule';
import { modeOf } from './user-schedule';

export interface QueuePlan {
  /** Least gap between a user's queue polls (hints aside). */
  minIntervalMs: number;
  /** The slow timer. */
  slowIntervalMs: number;
  /** Queue polls expected per window. */
  polls: number;
}

/**
 * Queue polls are owed after track changes and run on a slow timer, within `queueShareMax` of `budget` (polls
 * per window). The least gap stretches so that even a poll at every least gap by every user with a device
 * stays within that share; what is reserved is the expected count: per such user the slow timer plus one per
 * track change (bounded by the estimated change rate, and a natural end when one is due within the window),
 * but never more often than the least gap.
 */
export function queuePlan(
  schedules: readonly UserSchedule[],
  endingSoon: readonly boolean[],
  budget: number,
  tuning: SchedulerTuning,
): QueuePlan {
  const windowMs = tuning.windowMs;
  const withDevice = schedules.filter((schedule) => schedule.playback?.active !== false).length;
  const minIntervalMs = Math.max(
    tuning.queueMinIntervalMs,
    (withDevice * windowMs) / (tuning.queueShareMax * budget),
  );
  const slowIntervalMs = Math.max(tuning.queueSlowIntervalMs, minIntervalMs);
  let polls = 0;
  schedules.forEach((schedule, index) => {
    if (schedule.playback?.active === false) return;
    const mode = modeOf(schedule.playback);
    const changesPerMs = listenerRatePerMs(schedule, mode, tuning) + (endingSoon[index] ? 1 / windowMs : 0);
    polls += windowMs * Math.min(1 / minIntervalMs, 1 / slowIntervalMs + changesPerMs);
  });
  return { minIntervalMs, slowIntervalMs, polls };
}
