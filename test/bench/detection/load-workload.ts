import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { validateWith } from '../../../lib/core/validation-result';
import { APP_ACTION_KINDS } from '../../../lib/simulator/app-actions';
import type { PlayingActionKind, RateDistribution, Workload } from './workload';
import { WorkloadError } from './workload-error';

const POSITIVE_COUNT = 'must be a positive integer';
const POSITIVE = 'must be a finite number > 0';
const NON_NEGATIVE = 'must be a finite number >= 0';
const SHARE = 'must be a number from 0 to 1';
const OPEN_FRACTION = 'must be a number > 0 and < 1';

const count = z
  .number({ error: POSITIVE_COUNT })
  .int({ error: POSITIVE_COUNT })
  .positive({ error: POSITIVE_COUNT });
const positive = z.number({ error: POSITIVE }).positive({ error: POSITIVE }).finite({ error: POSITIVE });
const nonNegative = z
  .number({ error: NON_NEGATIVE })
  .min(0, { error: NON_NEGATIVE })
  .finite({ error: NON_NEGATIVE });
const share = z.number({ error: SHARE }).min(0, { error: SHARE }).max(1, { error: SHARE });
const openFraction = z
  .number({ error: OPEN_FRACTION })
  .gt(0, { error: OPEN_FRACTION })
  .lt(1, { error: OPEN_FRACTION });

const range = { min: positive, max: positive };
const ordered = (r: { min: number; max: number }) => r.min <= r.max;
const ORDER = { error: 'min must not exceed max', path: ['max'] };

const rateDistribution: z.ZodType<RateDistribution> = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('fixed'), perHour: nonNegative }),
    z.strictObject({ type: z.literal('uniform'), ...range }).refine(ordered, ORDER),
    z.strictObject({ type: z.literal('logUniform'), ...range }).refine(ordered, ORDER),
    z.strictObject({ type: z.literal('logNormal'), median: positive, sigma: nonNegative }),
  ],
  { error: 'must be {type: fixed | uniform | logUniform | logNormal, ...}' },
);

export const PLAYING_ACTION_KINDS: readonly PlayingActionKind[] = APP_ACTION_KINDS.filter(
  (kind): kind is PlayingActionKind => kind !== 'resume' && kind !== 'start',
);

const mix = z
  .strictObject(Object.fromEntries(PLAYING_ACTION_KINDS.map((kind) => [kind, nonNegative.optional()])))
  .refine((weights) => Object.values(weights).some((w) => (w ?? 0) > 0), {
    error: 'must give at least one kind a weight > 0',
  }) as z.ZodType<Partial<Record<PlayingActionKind, number>>>;

const latency = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('fixed'), ms: nonNegative }),
    z
      .strictObject({ type: z.literal('uniform'), minMs: nonNegative, maxMs: nonNegative })
      .refine((l) => l.minMs <= l.maxMs, { error: 'minMs must not exceed maxMs', path: ['maxMs'] }),
    z.strictObject({ type: z.literal('exponential'), meanMs: nonNegative, maxMs: nonNegative.optional() }),
  ],
  { error: 'must be {type: fixed | uniform | exponential, ...} (ms)' },
);

const workloadSchema = z
  .strictObject({
    name: z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string' }),
    description: z.string({ error: 'must be a string' }).optional(),
    seed: z.union([z.number().finite(), z.string().min(1)], {
      error: 'must be a number or a non-empty string',
    }),
    listeners: count,
    durationMinutes: positive,
    warmupMinutes: nonNegative,
    quick: z
      .strictObject({ listeners: count, durationMinutes: positive, warmupMinutes: nonNegative })
      .partial()
      .optional(),
    states: z.strictObject({
      playing: z.strictObject({ share, actionsPerHour: rateDistribution, mix }),
      paused: z.strictObject({ share, resumesPerHour: rateDistribution }),
      idle: z.strictObject({ share, startsPerHour: rateDistribution }),
    }),
    bursts: z
      .strictObject({
        fraction: openFraction,
        factor: z.number().min(1, { error: 'must be >= 1' }),
        meanMinutes: positive,
      })
      .nullable(),
    tracks: z
      .strictObject({ shortFraction: share, longFraction: share, podcastChance: share, adChance: share })
      .refine((t) => t.shortFraction + t.longFraction <= 1, {
        error: 'shortFraction + longFraction must not exceed 1',
        path: ['longFraction'],
      }),
    latency,
  })
  .refine(
    ({ states }) => Math.abs(states.playing.share + states.paused.share + states.idle.share - 1) < 1e-9,
    { error: 'the shares of playing, paused and idle must add up to 1', path: ['states'] },
  ) as z.ZodType<Workload>;

/** Checks a parsed workload; throws a WorkloadError naming `source` and every bad field. */
export function parseWorkload(input: unknown, source: string): Workload {
  const result = validateWith(workloadSchema, input, 'workload');
  if (!result.ok) throw new WorkloadError(`Workload ${source}: ${result.errors.join('; ')}`);
  return result.value;
}

/** Reads and checks a workload file. */
export function loadWorkload(file: string): Workload {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorkloadError(`Workload ${file}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WorkloadError(`Workload ${file}: not JSON (${(error as Error).message})`);
  }
  return parseWorkload(json, file);
}
