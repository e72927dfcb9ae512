import type { Allocation } from './allocation';
import { listenerRatePerMs } from './change-rate';
import { endPollRatePerMs } from './natural-end';
import type { SchedulerTuning } from './scheduler-tuning';
import type { PlaybackMode, UserSchedule } from './user-schedule';
import { modeOf } from './user-schedule';
import type { FillTarget } from './water-fill';
import { clampedRate } from './water-fill';

export function minIntervalMs(mode: PlaybackMode, tuning: SchedulerTuning): number {
  if (mode === 'playing') return tuning.playingMinIntervalMs;
  return mode === 'paused' ? tuning.pausedMinIntervalMs : tuning.noDeviceMinIntervalMs;
}

export function maxIntervalMs(mode: PlaybackMode, tuning: SchedulerTuning): number {
  if (mode === 'playing') return tuning.playingMaxIntervalMs;
  return mode === 'paused' ? tuning.pausedMaxIntervalMs : tuning.noDeviceMaxIntervalMs;
}

/**
 * The user's water-filling target in their current state: weight √λ̂, and bounds that keep the cadence
 * interval within the state's interval bounds. The rate is that of all their player polls, natural-end polls
 * included (with `endPolls`): those see unpredictable changes too, so a playing user is never planned fewer
 * polls than their item's ends bring.
 */
export function fillTarget(
  schedule: UserSchedule,
  tuning: SchedulerTuning,
  maxIntervalsHold: boolean,
  endPolls: boolean,
): FillTarget {
  const mode = modeOf(schedule.playback);
  const ends = endPolls ? endPollRatePerMs(schedule) : 0;
  const offset = cadenceOffset(ends, tuning);
  const high = 1 / minIntervalMs(mode, tuning) + offset;
  const bound = maxIntervalsHold ? 1 / maxIntervalMs(mode, tuning) + offset : 0;
  return {
    weight: Math.sqrt(listenerRatePerMs(schedule, mode, tuning)),
    low: Math.min(high, Math.max(ends, bound)),
    high,
  };
}

/**
 * The cadence runs from the last poll, natural-end polls included, and skips a poll due just before the end
 * poll (`endMergeFraction`): per item of length D an interval T adds D/T − ½ − endMergeFraction cadence polls
 * on average. So cadence and end polls together come at 1/T plus this (per ms).
 */
function cadenceOffset(endsPerMs: number, tuning: SchedulerTuning): number {
  return (0.5 - tuning.endMergeFraction) * endsPerMs;
}

/** The user's player polls per ms under `allocation`, natural-end polls included. */
export function pollRatePerMs(
  schedule: UserSchedule,
  allocation: Allocation,
  tuning: SchedulerTuning,
): number {
  const target = fillTarget(schedule, tuning, allocation.maxIntervalsHold, allocation.endPolls);
  return clampedRate(allocation.scale, target);
}

/**
 * The user's base interval for unpredictable changes under `allocation`, in their current state and with
 * their current estimate (so it follows a state change before the next allocation). Jitter not included.
 * With the end polls it brings their polls to `pollRatePerMs`; a cadence that the end polls already pay for
 * stretches past the item's length, instead of being planned and never spent.
 */
export function cadenceIntervalMs(
  schedule: UserSchedule,
  allocation: Allocation,
  tuning: SchedulerTuning,
): number {
  const ends = allocation.endPolls ? endPollRatePerMs(schedule) : 0;
  return 1 / (pollRatePerMs(schedule, allocation, tuning) - cadenceOffset(ends, tuning));
}
