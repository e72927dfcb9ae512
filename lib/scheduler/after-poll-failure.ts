import type { Random } from '../random/random';
import type { SchedulerTuning } from './scheduler-tuning';
import type { UserSchedule } from './user-schedule';

/**
 * How a request failed, as far as scheduling cares. `rate_limited`: the loop sets the app-wide cooldown, the
 * user's own schedule stays as it was (they are polled once it lifts). `upstream` (5xx) and `timeout`:
 * per-user exponential backoff with jitter. `malformed`: Spotify answered, the body was unusable; the poll
 * counts as made.
 */
export type PollFailureKind = 'rate_limited' | 'upstream' | 'timeout' | 'malformed';

export interface PollFailure {
  endpoint: 'player' | 'queue';
  kind: PollFailureKind;
  /** When the request ended (the clock's now). */
  at: number;
}

export function afterPollFailure(
  schedule: UserSchedule,
  failure: PollFailure,
  tuning: SchedulerTuning,
  random: Random,
): UserSchedule {
  if (failure.kind === 'rate_limited') return schedule;
  const attempted = markAttempt(schedule, failure, random);
  if (failure.kind === 'malformed') return { ...attempted, backoff: null };
  const failures = (schedule.backoff?.failures ?? 0) + 1;
  return {
    ...attempted,
    backoff: { failures, until: failure.at + backoffDelayMs(failures, tuning, random) },
  };
}

/** base · 2^(failures − 1), capped at the maximum, then cut by up to `backoffJitterFraction` at random. */
export function backoffDelayMs(failures: number, tuning: SchedulerTuning, random: Random): number {
  const nominal = Math.min(tuning.backoffMaxMs, tuning.backoffBaseMs * 2 ** Math.min(failures - 1, 52));
  return nominal * (1 - tuning.backoffJitterFraction * random.next());
}

function markAttempt(schedule: UserSchedule, failure: PollFailure, random: Random): UserSchedule {
  if (failure.endpoint === 'player') {
    return { ...schedule, lastPollAt: failure.at, hintPollDue: false, jitter: random.between(-1, 1) };
  }
  // A retry of an unusable body would get the same body: the owed poll waits for the next reason.
  const owed = failure.kind === 'malformed' ? null : schedule.queue.owed;
  return { ...schedule, queue: { ...schedule.queue, lastPollAt: failure.at, owed } };
}
