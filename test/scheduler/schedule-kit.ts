import type { PlayerSnapshot } from '../../lib/core/snapshot';
import { SeededRandom } from '../../lib/random/random';
import type { PlaybackMode, SchedulerTuning, UserSchedule } from '../../lib/scheduler';
import {
  DEFAULT_SCHEDULER_TUNING,
  afterPlayerPoll,
  newUserSchedule,
  resolveSchedulerTuning,
} from '../../lib/scheduler';
import { T0, player } from '../core/builders';

/** Builders for the scheduler's tests: a tuning, a user polled once, a user whose rates are known exactly. */

export const HOUR_MS = 3_600_000;

export function tuned(overrides: Partial<SchedulerTuning> = {}): SchedulerTuning {
  const result = resolveSchedulerTuning(overrides);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
}

export const NOTHING_SEEN = { sawUnpredictableChange: false, sawNaturalEnd: false, sawExpectedChange: false };

/** A user whose first player poll saw `snapshot` (default: track `a`, 3 min, playing from 0, at `T0`). */
export function polledOnce(
  snapshot: PlayerSnapshot = player(),
  tuning: SchedulerTuning = DEFAULT_SCHEDULER_TUNING,
): UserSchedule {
  return afterPlayerPoll(newUserSchedule(), { snapshot, ...NOTHING_SEEN }, tuning, new SeededRandom('kit'));
}

/** The snapshot of a user in `mode` at `at`. */
export function snapshotIn(mode: PlaybackMode, at = T0): PlayerSnapshot {
  if (mode === 'no_device')
    return { ...player({ observedAt: at }), active: false, item: null, device: null, isPlaying: false };
  return player({ observedAt: at, isPlaying: mode === 'playing' });
}

/** A user in `mode`, polled at `T0` with no jitter, whose estimated rate in each state is `perHour[mode]`. */
export function withKnownRates(
  perHour: Record<PlaybackMode, number>,
  mode: PlaybackMode = 'playing',
): UserSchedule {
  const stats = (rate: number) => ({ quietMs: 0, changed: [], ratePerMs: rate / HOUR_MS });
  return {
    ...polledOnce(snapshotIn(mode)),
    jitter: 0,
    rates: {
      playing: stats(perHour.playing),
      paused: stats(perHour.paused),
      no_device: stats(perHour.no_device),
    },
  };
}

export function uniformRates(perHour: number): Record<PlaybackMode, number> {
  return { playing: perHour, paused: perHour, no_device: perHour };
}
