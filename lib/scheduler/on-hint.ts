import type { Hint } from '../core/hint';
import type { SchedulerTuning } from './scheduler-tuning';
import type { UserSchedule } from './user-schedule';

/** A nudge without a hint (a client asked for a sync): one player poll now. */
export function onNudge(schedule: UserSchedule): UserSchedule {
  return { ...schedule, hintPollDue: true };
}

/**
 * A hint was recorded (call once per hint id): poll now, then fast-follow until the expected change is seen,
 * the hint expires or `fastFollowLimitMs` has passed (Spotify is eventually consistent after a command). A
 * hint expecting `queueAdded` follows the queue endpoint, where that change shows; a hint expecting anything
 * else, or nothing in particular, follows the player. An expired hint changes nothing.
 */
export function onHint(
  schedule: UserSchedule,
  hint: Hint,
  now: number,
  tuning: SchedulerTuning,
): UserSchedule {
  const until = Math.min(hint.recordedAt + hint.ttlMs, now + tuning.fastFollowLimitMs);
  if (until <= now) return schedule;
  const { queueAdded, ...playerExpectations } = hint.expect ?? {};
  const followsQueue = queueAdded !== undefined;
  const followsPlayer =
    hint.expect === undefined || Object.values(playerExpectations).some((v) => v !== undefined);
  let next = schedule;
  if (followsPlayer) {
    next = {
      ...next,
      hintPollDue: true,
      followPlayerUntil: Math.max(next.followPlayerUntil ?? until, until),
    };
  }
  if (followsQueue) {
    const queue = next.queue;
    next = {
      ...next,
      queue: {
        ...queue,
        owed: { reason: 'hint', since: now },
        followUntil: Math.max(queue.followUntil ?? until, until),
      },
    };
  }
  return next;
}
