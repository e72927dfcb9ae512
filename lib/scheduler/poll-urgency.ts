import type { Allocation } from './allocation';
import type { PlayerPollReason, QueuePollReason } from './next-poll';

export type PlannedRequest =
  { endpoint: 'player'; reason: PlayerPollReason } | { endpoint: 'queue'; reason: QueuePollReason };

/**
 * Urgent requests are the ones whose moment matters: a first poll, a hint's poll and its fast-follows, the
 * natural-end poll. The rest (cadence, slow timer, queue after a track change, backoff retries) lose little
 * by waiting a moment, so they are paced.
 */
export function isUrgentPoll(request: PlannedRequest): boolean {
  if (request.endpoint === 'queue') return request.reason === 'hint' || request.reason === 'fast_follow';
  return request.reason !== 'cadence' && request.reason !== 'backoff';
}

/**
 * The earliest this request may go out given when this worker's last deferrable request went (pacing);
 * urgent requests are not paced. Every request still goes through the budget ledger.
 */
export function pacedAt(
  request: PlannedRequest & { at: number },
  lastDeferrableAt: number | null,
  allocation: Allocation,
): number {
  if (isUrgentPoll(request) || lastDeferrableAt === null) return request.at;
  return Math.max(request.at, lastDeferrableAt + allocation.limits.deferrableSpacingMs);
}
