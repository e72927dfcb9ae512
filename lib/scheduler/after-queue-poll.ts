import type { QueuePollOutcome } from './poll-outcome';
import type { UserSchedule } from './user-schedule';

/**
 * A queue poll succeeded: the owed poll is paid, and a hinted queue change that showed ends its fast-follow.
 */
export function afterQueuePoll(schedule: UserSchedule, outcome: QueuePollOutcome): UserSchedule {
  const at = outcome.observedAt;
  const followUntil = schedule.queue.followUntil;
  return {
    ...schedule,
    backoff: null,
    queue: {
      lastPollAt: at,
      owed: null,
      followUntil: outcome.sawExpectedChange || (followUntil ?? at) <= at ? null : followUntil,
    },
  };
}
