import type { ValidationResult } from '../core/validation-result';
import { resolveSchedulerTuning, type SchedulerTuning } from '../scheduler';
import type { Tuning } from '../store';
import { isValidKeyPart } from '../store';

/**
 * What ops change without a restart, as stored in the tuning store: `{ scheduler: {...overrides},
 * recordUsers: [...] }`. Overrides apply on top of the process's configured defaults (the budget from
 * SPOTIFY_BUDGET_PER_30S and its window), every worker picks up a new version, and a bad stored value is
 * reported and ignored rather than stopping the worker.
 */
export interface RunTimeSettings {
  version: number;
  scheduler: Readonly<SchedulerTuning>;
  /** Users whose raw poll log is being recorded. */
  recordUsers: ReadonlySet<string>;
}

export function resolveRunTimeSettings(
  stored: Tuning | null,
  base: Partial<SchedulerTuning>,
): ValidationResult<RunTimeSettings> {
  const values = stored?.values ?? {};
  const errors: string[] = [];
  const { scheduler: overrides = {}, recordUsers = [], ...unknown } = values;
  for (const key of Object.keys(unknown))
    errors.push(`${key}: unknown setting (expected scheduler, recordUsers)`);
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    errors.push('scheduler: must be an object of scheduler settings');
  }
  if (!Array.isArray(recordUsers) || !recordUsers.every((user) => isValidKeyPart(user))) {
    errors.push('recordUsers: must be a list of user ids');
  }
  if (errors.length > 0) return { ok: false, errors };
  const tuning = resolveSchedulerTuning({ ...base, ...(overrides as Record<string, unknown>) });
  if (!tuning.ok) return { ok: false, errors: tuning.errors.map((error) => `scheduler.${error}`) };
  return {
    ok: true,
    value: {
      version: stored?.version ?? 0,
      scheduler: tuning.value,
      recordUsers: new Set(recordUsers as string[]),
    },
  };
}
