import { assertInstant, assertNonEmptyString, assertPositiveDuration } from './argument-checks';
import type { Hint } from '../core/hint';

/**
 * Hints recorded around commands, kept until consumed or expired (DESIGN section 2). A hint expires at
 * `recordedAt + ttlMs`, compared with the `now` callers pass.
 */
export interface HintStore {
  /** Stores the hint (a hint with the same id is replaced). */
  add(userId: string, hint: Hint): Promise<void>;
  /** The user's live hints (see `isHintLive`), oldest `recordedAt` first, ties by id; prunes expired ones. */
  live(userId: string, now: number): Promise<Hint[]>;
  /** Removes the hints with these ids; returns the ids that were there (a racing consumer gets the rest). */
  consume(userId: string, ids: readonly string[]): Promise<string[]>;
  /** Users with at least one hint not yet expired at `now`, sorted (hinted users count as active). */
  usersWithLiveHints(now: number): Promise<string[]>;
}

/** Checks a hint before it is stored and returns the instant it expires. */
export function hintExpiresAt(where: string, hint: Hint): number {
  assertNonEmptyString(where, 'hint.id', hint.id);
  assertInstant(where, 'hint.recordedAt', hint.recordedAt);
  assertPositiveDuration(where, 'hint.ttlMs', hint.ttlMs);
  return hint.recordedAt + hint.ttlMs;
}

/** Oldest first; the id breaks ties so both backends return the same order. */
export function compareHintsByAge(a: Hint, b: Hint): number {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt - b.recordedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
