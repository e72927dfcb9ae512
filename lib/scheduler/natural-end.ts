import type { SchedulerTuning } from './scheduler-tuning';
import type { UserSchedule } from './user-schedule';

/**
 * When to poll for the current item's natural end: the predicted end plus the margin, and no sooner than a
 * fast-follow after the last poll. Null when nothing with a known end plays, or when the end has been overdue
 * for longer than `fastFollowLimitMs` (Spotify keeps showing the item at its end; the cadence takes over).
 */
export function naturalEndPollAt(schedule: UserSchedule, tuning: SchedulerTuning): number | null {
  const { playback, lastPollAt, endOverdueSince } = schedule;
  if (playback === null || playback.predictedEndAt === null || lastPollAt === null) return null;
  if (endOverdueSince !== null && lastPollAt - endOverdueSince >= tuning.fastFollowLimitMs) return null;
  return Math.max(playback.predictedEndAt + tuning.endMarginMs, lastPollAt + tuning.fastFollowIntervalMs);
}
