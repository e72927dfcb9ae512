import type { Random } from '../random/random';
import { configuredPriors, longRunRatePerMs, recordGap } from './change-rate';
import type { PlayerPollOutcome } from './poll-outcome';
import { recordActivity } from './recent-activity';
import type { SchedulerTuning } from './scheduler-tuning';
import type { PlaybackSummary, UserSchedule } from './user-schedule';
import { modeOf, summarizePlayer } from './user-schedule';

/**
 * A player poll succeeded: learn from the gap since the last observation, keep the new summary (and with it
 * the predicted end), owe a queue poll after a track change, stop fast-following once the hinted change
 * shows, clear any backoff, and draw the next cadence jitter. Time is the snapshot's `observedAt`.
 */
export function afterPlayerPoll(
  schedule: UserSchedule,
  outcome: PlayerPollOutcome,
  tuning: SchedulerTuning,
  random: Random,
): UserSchedule {
  const at = outcome.snapshot.observedAt;
  const prev = schedule.playback;
  const playback = summarizePlayer(outcome.snapshot, outcome.sentAt);
  const sameItem = prev !== null && prev.itemUri === playback.itemUri && !outcome.sawNaturalEnd;
  return {
    ...schedule,
    lastPollAt: at,
    lastObservedAt: at,
    firstObservedAt: schedule.firstObservedAt ?? at,
    playback,
    jitter: random.between(-1, 1),
    ...learned(schedule, outcome, at, tuning),
    hintPollDue: false,
    followPlayerUntil:
      outcome.sawExpectedChange || (schedule.followPlayerUntil ?? at) <= at
        ? null
        : schedule.followPlayerUntil,
    endOverdueSince: stuckAtEnd(playback, sameItem, at, tuning) ? (schedule.endOverdueSince ?? at) : null,
    backoff: null,
    queue: { ...schedule.queue, owed: owedQueue(schedule, prev, playback, sameItem, at) },
  };
}

/** The gap's evidence, for the state's long-run rate and for the listener's recent activity. */
function learned(
  schedule: UserSchedule,
  outcome: PlayerPollOutcome,
  at: number,
  tuning: SchedulerTuning,
): Pick<UserSchedule, 'rates' | 'activity'> {
  const { playback: prev, lastObservedAt, rates, activity } = schedule;
  if (prev === null || lastObservedAt === null) return { rates, activity };
  const gap = at - lastObservedAt;
  if (!(gap > 0 && gap <= tuning.rateMaxGapMs)) return { rates, activity };
  // The first change of a gap happens in the state the gap began in; what follows it is not evidence.
  const mode = modeOf(prev);
  const changed = outcome.sawUnpredictableChange;
  const expected = longRunRatePerMs(schedule, mode, tuning) * gap;
  const stats = recordGap(rates[mode], configuredPriors(tuning)[mode], gap, changed, tuning);
  return { rates: { ...rates, [mode]: stats }, activity: recordActivity(activity, gap, expected, changed) };
}

/** The same item still plays with (next to) nothing left: the end is overdue, not predicted. */
function stuckAtEnd(
  playback: PlaybackSummary,
  sameItem: boolean,
  at: number,
  tuning: SchedulerTuning,
): boolean {
  return (
    sameItem &&
    playback.predictedEndAt !== null &&
    playback.predictedEndAt - at <= tuning.fastFollowIntervalMs
  );
}

function owedQueue(
  schedule: UserSchedule,
  prev: PlaybackSummary | null,
  playback: PlaybackSummary,
  sameItem: boolean,
  at: number,
): UserSchedule['queue']['owed'] {
  if (!playback.active) return null;
  const owed = schedule.queue.owed;
  if (owed !== null) return owed;
  return prev !== null && !sameItem ? { reason: 'track_change', since: at } : null;
}
