import type { SchedulerTuning } from './scheduler-tuning';
import type { UserSchedule } from './user-schedule';

/**
 * When to send the poll for the current item's natural end: so that Spotify reads it the margin after the
 * predicted end (it is taken to read half a round trip after the request goes out, as when the end was
 * predicted), and no sooner than a fast-follow after the last poll. Null when nothing with a known end plays,
 * or when the end has been overdue for longer than `fastFollowLimitMs` (Spotify keeps showing the item at its
 * end; the cadence takes over).
 */
export function naturalEndPollAt(schedule: UserSchedule, tuning: SchedulerTuning): number | null {
  const { playback, lastPollAt, endOverdueSince } = schedule;
  if (playback === null || playback.predictedEndAt === null || lastPollAt === null) return null;
  if (endOverdueSince !== null && lastPollAt - endOverdueSince >= tuning.fastFollowLimitMs) return null;
  const readAt = playback.predictedEndAt + tuning.endMarginMs;
  return Math.max(readAt - playback.readAfterSendMs, lastPollAt + tuning.fastFollowIntervalMs);
}

/**
 * Natural-end polls per ms that the user's current item brings if it plays to its end: one per item length,
 * while an item of known length plays.
 */
export function endPollRatePerMs(schedule: UserSchedule): number {
  const { playback } = schedule;
  return playback?.isPlaying && playback.itemDurationMs ? 1 / playback.itemDurationMs : 0;
}
