import { formatSpan } from '../shared/format';

/** "in 2.5 s", "due" or "—" for a next poll, in server time. Pure. */
export function countdown(nextPollAt: number | null, serverNow: number): string {
  if (nextPollAt === null) return '—';
  const left = nextPollAt - serverNow;
  return left <= 0 ? 'due' : `in ${formatSpan(left)}`;
}

/** "every 4.5 s" for a cadence; "—" when the user is not on a cadence. */
export function cadence(cadenceMs: number | null): string {
  return cadenceMs === null ? '—' : `every ${formatSpan(cadenceMs)}`;
}
