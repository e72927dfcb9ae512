import { z } from 'zod';

/** The JSON bodies the demo routes take. */

const nonEmptyText = z.string({ error: 'must be a non-empty string' }).regex(/\S/, {
  error: 'must be a non-empty string',
});

export const demoLoginBody = z.strictObject({ userId: nonEmptyText }, { error: 'must be a JSON object' });

export const demoCommandBody = z.strictObject(
  {
    userId: nonEmptyText,
    command: nonEmptyText.max(500, { error: 'must be at most 500 characters' }),
    trackUri: z
      .string({ error: 'must be a track URI (spotify:track:…)' })
      .regex(/^spotify:track:[A-Za-z0-9]+$/, { error: 'must be a track URI (spotify:track:…)' })
      .optional(),
  },
  { error: 'must be a JSON object' },
);
