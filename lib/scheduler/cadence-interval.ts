import type { Allocation } from './allocation';
import { listenerRatePerMs } from './change-rate';
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
 * The user's water-filling target in their current state: weight √λ̂, rate bounds from the interval bounds.
 */
export function fillTarget(
  schedule: UserSchedule,
  tuning: SchedulerTuning,
  maxIntervalsHold: boolean,
): FillTarget {
  const mode = modeOf(schedule.playback);
  return {
    weight: Math.sqrt(listenerRatePerMs(schedule, mode, tuning)),
    low: maxIntervalsHold ? 1 / maxIntervalMs(mode, tuning) : 0,
    high: 1 / minIntervalMs(mode, tuning),
  };
}

/**
 * The user's base interval for unpredictable changes under `allocation`, in their current state and with
 * their current estimate (so it follows a state change before the next allocation). Jitter not included.
 */
export function cadenceIntervalMs(
  schedule: UserSchedule,
  allocation: Allocation,
  tuning: SchedulerTuning,
): number {
  const target = fillTarget(schedule, tuning, allocation.maxIntervalsHold);
  return 1 / clampedRate(allocation.scale, target);
}
