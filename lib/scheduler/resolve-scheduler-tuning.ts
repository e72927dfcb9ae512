import { z } from 'zod';
import type { ValidationResult } from '../core/validation-result';
import { validateWith } from '../core/validation-result';
import type { SchedulerTuning } from './scheduler-tuning';
import { DEFAULT_SCHEDULER_TUNING } from './scheduler-tuning';

const POSITIVE_MS = 'must be a positive integer (ms)';
const NON_NEGATIVE_MS = 'must be an integer >= 0 (ms)';
const POSITIVE_COUNT = 'must be a positive integer';
const POSITIVE_NUMBER = 'must be a finite number > 0';

const positiveMs = z
  .number({ error: POSITIVE_MS })
  .int({ error: POSITIVE_MS })
  .positive({ error: POSITIVE_MS });
const nonNegativeMs = z.number({ error: NON_NEGATIVE_MS }).int({ error: NON_NEGATIVE_MS }).min(0, {
  error: NON_NEGATIVE_MS,
});
const positiveNumber = z.number({ error: POSITIVE_NUMBER }).positive({ error: POSITIVE_NUMBER });

const FRACTION = 'must be a number >= 0 and < 1';
const fraction = z.number({ error: FRACTION }).min(0, { error: FRACTION }).lt(1, { error: FRACTION });
const INCLUSIVE_FRACTION = 'must be a number from 0 to 1';
const inclusiveFraction = z
  .number({ error: INCLUSIVE_FRACTION })
  .min(0, { error: INCLUSIVE_FRACTION })
  .max(1, { error: INCLUSIVE_FRACTION });
const PACE = 'must be a number > 0 and <= 1';
const SHARE = 'must be a number > 0 and < 1';
const share = z.number({ error: SHARE }).positive({ error: SHARE }).lt(1, { error: SHARE });

const overridesSchema = z
  .strictObject(
    {
      budgetPerWindow: z
        .number({ error: POSITIVE_COUNT })
        .int({ error: POSITIVE_COUNT })
        .positive({ error: POSITIVE_COUNT }),
      windowMs: positiveMs,
      headroomFraction: fraction,
      paceUtilization: z.number({ error: PACE }).positive({ error: PACE }).max(1, { error: PACE }),
      playingMinIntervalMs: positiveMs,
      playingMaxIntervalMs: positiveMs,
      pausedMinIntervalMs: positiveMs,
      pausedMaxIntervalMs: positiveMs,
      noDeviceMinIntervalMs: positiveMs,
      noDeviceMaxIntervalMs: positiveMs,
      playingPriorPerHour: positiveNumber,
      pausedPriorPerHour: positiveNumber,
      noDevicePriorPerHour: positiveNumber,
      priorWeight: positiveNumber,
      rateMemoryMs: positiveMs,
      rateMaxGapMs: positiveMs,
      endMarginMs: nonNegativeMs,
      endMergeFraction: inclusiveFraction,
      endShareMax: fraction,
      fastFollowIntervalMs: positiveMs,
      fastFollowLimitMs: positiveMs,
      queueSlowIntervalMs: positiveMs,
      queueMinIntervalMs: positiveMs,
      queueShareMax: share,
      jitterFraction: fraction,
      backoffBaseMs: positiveMs,
      backoffMaxMs: positiveMs,
      backoffJitterFraction: fraction,
    },
    { error: 'must be an object' },
  )
  .partial();

/** Pairs that must be ordered: the first at most the second. */
const ORDERED: readonly [keyof SchedulerTuning, keyof SchedulerTuning][] = [
  ['playingMinIntervalMs', 'playingMaxIntervalMs'],
  ['pausedMinIntervalMs', 'pausedMaxIntervalMs'],
  ['noDeviceMinIntervalMs', 'noDeviceMaxIntervalMs'],
  ['fastFollowIntervalMs', 'fastFollowLimitMs'],
  ['queueMinIntervalMs', 'queueSlowIntervalMs'],
  ['backoffBaseMs', 'backoffMaxMs'],
];

/**
 * The defaults with `overrides` (e.g. the tuning store's values; `undefined` for none) applied, checked and
 * frozen; or one sentence per problem, naming the setting, e.g.
 * `playingMinIntervalMs: must be at most playingMaxIntervalMs (30000), got 45000`.
 */
export function resolveSchedulerTuning(overrides: unknown): ValidationResult<Readonly<SchedulerTuning>> {
  const parsed = validateWith(overridesSchema, overrides ?? {}, 'scheduler tuning');
  if (!parsed.ok) return parsed;
  const tuning: SchedulerTuning = { ...DEFAULT_SCHEDULER_TUNING, ...stripUndefined(parsed.value) };
  const errors: string[] = [];
  for (const [low, high] of ORDERED) {
    if (tuning[low] > tuning[high]) {
      const blamed = low in parsed.value ? low : high;
      const relation =
        blamed === low ? `at most ${high} (${tuning[high]})` : `at least ${low} (${tuning[low]})`;
      errors.push(`${blamed}: must be ${relation}, got ${tuning[blamed]}`);
    }
  }
  if (tuning.headroomFraction + tuning.endShareMax >= 1) {
    errors.push(
      'headroomFraction + endShareMax: must be < 1 so cadence polls keep a share, ' +
        `got ${tuning.headroomFraction} + ${tuning.endShareMax}`,
    );
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: Object.freeze(tuning) };
}

/** An explicit `undefined` asks for the default. */
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
