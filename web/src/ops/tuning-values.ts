import { resolveSchedulerTuning } from '../../../lib/scheduler/resolve-scheduler-tuning';
import type { SchedulerTuning } from '../../../lib/scheduler/scheduler-tuning';
import { TUNING_FIELDS, type TuningName } from './tuning-fields';

/**
 * The tuning form's logic, pure: read what was typed, find what changed, check it with the scheduler's own
 * validator (so the messages are the server's), and place each message by its field.
 */

export type Overrides = Partial<Record<TuningName, number>>;

/** A typed value: a number when it reads as one, otherwise the text itself (the validator names it). */
export function readValue(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** The fields whose typed value differs from the one in force. */
export function changedValues(
  typed: Readonly<Record<TuningName, number | string>>,
  inForce: Readonly<SchedulerTuning>,
): Record<string, number | string> {
  const changed: Record<string, number | string> = {};
  for (const { name } of TUNING_FIELDS) {
    if (typed[name] !== inForce[name]) changed[name] = typed[name];
  }
  return changed;
}

/**
 * The messages the server would give for storing `changed` on top of `stored` overrides. The base is the
 * budget and window in force, as the worker's configuration supplies them.
 */
export function checkTuning(
  changed: Readonly<Record<string, number | string>>,
  stored: Readonly<Overrides>,
  inForce: Readonly<SchedulerTuning>,
): string[] {
  const result = resolveSchedulerTuning({
    budgetPerWindow: inForce.budgetPerWindow,
    windowMs: inForce.windowMs,
    ...stored,
    ...changed,
  });
  return result.ok ? [] : result.errors;
}

export interface PlacedErrors {
  byField: Map<TuningName, string[]>;
  /** Messages that name no field of the form. */
  general: string[];
}

const NAMES: ReadonlySet<string> = new Set(TUNING_FIELDS.map((field) => field.name));
const ERROR_LINE = /^(?:scheduler\.)?([A-Za-z]+(?:\s*\+\s*[A-Za-z]+)*): (.+)$/;

/**
 * Puts each `name: message` under its field (`a + b: message` under both; a `scheduler.` prefix, as the run-time
 * settings add it, is dropped). Anything else is general.
 */
export function placeErrors(errors: readonly string[]): PlacedErrors {
  const byField = new Map<TuningName, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const match = ERROR_LINE.exec(error);
    const names = match?.[1]?.split('+').map((name) => name.trim()) ?? [];
    if (!match || names.length === 0 || !names.every((name) => NAMES.has(name))) {
      general.push(error);
      continue;
    }
    for (const name of names as TuningName[])
      byField.set(name, [...(byField.get(name) ?? []), match[2] as string]);
  }
  return { byField, general };
}
