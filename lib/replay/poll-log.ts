/**
 * The poll log (DESIGN section 6): one JSON object per line recording what a worker saw for one listener — raw
 * player and queue responses, hints and command reports — with `t` in ms since the epoch. The worker writes it
 * when recording is switched on for a user; `npm run replay` reads it back through the same core.
 */

export type PollLogLine =
  | { t: number; kind: 'player'; status: number; body?: unknown }
  | { t: number; kind: 'queue'; status: number; body?: unknown }
  | { t: number; kind: 'hint'; hint: unknown }
  | { t: number; kind: 'command'; command: unknown };

export type ParsedPollLogLine = { ok: true; line: PollLogLine } | { ok: false; reason: string };

const KINDS = new Set(['player', 'queue', 'hint', 'command']);

/**
 * Parses one line's text. Checks the envelope only (`t`, `kind`, `status`, the payload field being present);
 * the payloads themselves are validated by the normalizer and the hint/command validators.
 */
export function parsePollLogLine(text: string): ParsedPollLogLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'expected a JSON object' };
  }
  const record = value as Record<string, unknown>;
  const { t, kind } = record;
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) {
    return {
      ok: false,
      reason: `t: expected ms since the epoch (a non-negative integer), got ${JSON.stringify(t)}`,
    };
  }
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    return {
      ok: false,
      reason: `kind: expected one of player, queue, hint, command, got ${JSON.stringify(kind)}`,
    };
  }
  if (kind === 'player' || kind === 'queue') {
    const { status, body } = record;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
      return { ok: false, reason: `status: expected an HTTP status code, got ${JSON.stringify(status)}` };
    }
    return { ok: true, line: body === undefined ? { t, kind, status } : { t, kind, status, body } };
  }
  if (kind === 'hint') {
    if (!('hint' in record)) return { ok: false, reason: 'hint: missing' };
    return { ok: true, line: { t, kind, hint: record.hint } };
  }
  if (!('command' in record)) return { ok: false, reason: 'command: missing' };
  return { ok: true, line: { t, kind: 'command', command: record.command } };
}

export function formatPollLogLine(line: PollLogLine): string {
  return JSON.stringify(line);
}
