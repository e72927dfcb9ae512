import { z } from 'zod';
import type { CommandExecutedPayload, UnpublishedEvent } from '../contract/events';
import type { ValidationResult } from './validation-result';
import { validateWith } from './validation-result';

/** What the LLM route reports about a command it ran: a `commandExecuted` event without its envelope. */
export type CommandReport = Pick<
  CommandExecutedPayload,
  'command' | 'intent' | 'success' | 'confidence' | 'result' | 'error'
>;

const nonEmptyText = z.string({ error: 'must be a non-empty string' }).regex(/\S/, {
  error: 'must be a non-empty string',
});

const CONFIDENCE = 'must be a number from 0 to 1';

const commandReportSchema = z.strictObject(
  {
    command: nonEmptyText,
    intent: nonEmptyText,
    success: z.boolean({ error: 'must be true or false' }),
    confidence: z.number({ error: CONFIDENCE }).min(0, { error: CONFIDENCE }).max(1, { error: CONFIDENCE }),
    // It is stored in the event stream as JSON and sent to browsers, so it must survive JSON as it is.
    result: z
      .unknown()
      .refine((value) => value === undefined || z.json().safeParse(value).success, {
        error:
          'must be JSON data (null, true/false, finite numbers, strings, lists and plain objects of them)',
      })
      .optional(),
    error: z.string({ error: 'must be a string' }).optional(),
  },
  { error: 'must be an object' },
);

/** Checks a command report from the LLM route or a poll-log `command` line. */
export function validateCommandReport(input: unknown): ValidationResult<CommandReport> {
  return validateWith(commandReportSchema, input, 'command');
}

/** The `commandExecuted` event for a validated report, observed at `timestamp`. It is always the AI's. */
export function commandExecutedEvent(report: CommandReport, timestamp: number): UnpublishedEvent {
  const { command, intent, success, confidence, result, error } = report;
  return {
    event: 'commandExecuted',
    data: {
      command,
      intent,
      success,
      confidence,
      ...(result === undefined ? {} : { result }),
      ...(error === undefined ? {} : { error }),
      source: 'ai',
      timestamp,
    },
  };
}
