/**
 * The scheduler's pure core (DESIGN section 3): per-user schedule state and its updates, the change-rate
 * estimator, the budget allocation by the square-root law, the next-poll decision, and a what-if evaluator.
 * The worker loop calls these with the clock's `now` and an injected `Random`.
 */
export type { Allocation, AllocationPlan, RequestLimits } from './allocation';
export { allocate } from './allocation';
export { afterPlayerPoll } from './after-player-poll';
export type { PollFailure, PollFailureKind } from './after-poll-failure';
export { afterPollFailure, backoffDelayMs } from './after-poll-failure';
export { afterQueuePoll } from './after-queue-poll';
export { cadenceIntervalMs, pollRatePerMs } from './cadence-interval';
export type { GapBucket, ModeRates, RateStats } from './change-rate';
export { changesSeen, listenerRatePerMs, ratesPerHour } from './change-rate';
export type { PlannedPoll, PlayerPollReason, PollPlan, QueuePollReason } from './next-poll';
export { endPollRatePerMs, naturalEndPollAt } from './natural-end';
export { planNextPoll } from './next-poll';
export { onHint, onNudge } from './on-hint';
export type { ObservedChanges, PlayerPollOutcome, QueuePollOutcome } from './poll-outcome';
export { observedChanges } from './poll-outcome';
export type { PlannedRequest } from './poll-urgency';
export { isUrgentPoll, pacedAt } from './poll-urgency';
export type { RecentActivity } from './recent-activity';
export { resolveSchedulerTuning } from './resolve-scheduler-tuning';
export type { SchedulerTuning } from './scheduler-tuning';
export { DEFAULT_SCHEDULER_TUNING } from './scheduler-tuning';
export type { PlaybackMode, PlaybackSummary, QueueOwedReason, UserSchedule } from './user-schedule';
export { modeOf, newUserSchedule, summarizePlayer } from './user-schedule';
export type { PolledListener } from './what-if';
export { meanDelayMs, optimalMeanDelayMs, pollsPerHour } from './what-if';
