import { z } from 'zod';
import type { HintInput } from './hint';
import type { ValidationResult } from './validation-result';
import { validateWith } from './validation-result';

/** The longest a hint may stay live: a command's effect shows within seconds; a stale hint would misattribute. */
export const MAX_HINT_TTL_MS = 600_000;

const spotifyUri = z
  .string({ error: 'must be a Spotify URI (spotify:…)' })
  .regex(/^spotify:\S+$/, { error: 'must be a Spotify URI (spotify:…)' });

const nonEmptyText = z.string({ error: 'must be a non-empty string' }).regex(/\S/, {
  error: 'must be a non-empty string',
});

const VOLUME = 'must be an integer from 0 to 100';
const TTL = 'must be a positive integer (ms)';

const hintExpectationSchema = z.strictObject(
  {
    trackUri: spotifyUri.optional(),
    contextUri: spotifyUri.optional(),
    isPlaying: z.boolean({ error: 'must be true or false' }).optional(),
    volume: z
      .number({ error: VOLUME })
      .int({ error: VOLUME })
      .min(0, { error: VOLUME })
      .max(100, { error: VOLUME })
      .optional(),
    deviceId: nonEmptyText.optional(),
    queueAdded: z
      .array(spotifyUri, { error: 'must be a non-empty list of Spotify URIs' })
      .min(1, { error: 'must be a non-empty list of Spotify URIs' })
      .optional(),
  },
  { error: 'must be an object' },
);

const hintInputSchema = z.strictObject(
  {
    source: z.enum(['ai', 'user'], { error: "must be 'ai' or 'user'" }),
    intent: nonEmptyText,
    expect: hintExpectationSchema.optional(),
    reasoning: z.string({ error: 'must be a string' }).optional(),
    isAIDiscovery: z.boolean({ error: 'must be true or false' }).optional(),
    ttlMs: z
      .number({ error: TTL })
      .int({ error: TTL })
      .positive({ error: TTL })
      .max(MAX_HINT_TTL_MS, { error: `must be at most ${MAX_HINT_TTL_MS} (10 min)` }),
  },
  { error: 'must be an object' },
);

/** Checks a hint from the LLM route, a control route, `POST /internal/hints` or a poll-log line. */
export function validateHintInput(input: unknown): ValidationResult<HintInput> {
  return validateWith(hintInputSchema, input, 'hint');
}
