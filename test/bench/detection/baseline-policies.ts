import type { PlayerSnapshot } from '../../../lib/core/snapshot';

/**
 * The two fixed-interval pollers the daemon is measured against, as their projects poll Spotify: each
 * listener on their own timer, the next poll planned from the last answer.
 * - multi-scrobbler: every 10 s while playing, 30 s otherwise; when the item has less than the interval left,
 *   a poll at remaining − 2 s, then every second until the change shows.
 * - Home Assistant: every 30 s; while playing, at time-left + 1 s when that is sooner.
 * Neither knows a budget. On a 429 each waits `Retry-After` (at least its own interval) for that listener
 * only, as independent pollers of one app do; other failures just wait for the next poll.
 */
export interface BaselinePolicy {
  name: string;
  /** First polls are spread over this much time (independently started pollers). */
  startSpreadMs: number;
  /** Delay from an answer to the next poll; `snapshot` is null when the answer was unusable. */
  nextDelayMs(snapshot: PlayerSnapshot | null): number;
}

export const MULTI_SCROBBLER: BaselinePolicy = {
  name: 'multi-scrobbler',
  startSpreadMs: 10_000,
  nextDelayMs(snapshot) {
    const remaining = remainingMs(snapshot);
    if (remaining === null) return snapshot?.active && snapshot.isPlaying ? 10_000 : 30_000;
    return remaining - 2000 < 10_000 ? Math.max(1000, remaining - 2000) : 10_000;
  },
};

export const HOME_ASSISTANT: BaselinePolicy = {
  name: 'home-assistant',
  startSpreadMs: 30_000,
  nextDelayMs(snapshot) {
    const remaining = remainingMs(snapshot);
    return remaining === null ? 30_000 : Math.min(30_000, remaining + 1000);
  },
};

/** Time left of an item playing with a known duration, or null. */
function remainingMs(snapshot: PlayerSnapshot | null): number | null {
  if (!snapshot?.active || !snapshot.isPlaying || snapshot.item === null) return null;
  return Math.max(0, snapshot.item.durationMs - snapshot.progressMs);
}
