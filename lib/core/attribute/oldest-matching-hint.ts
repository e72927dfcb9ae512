import type { Change } from '../diff/change';
import type { Hint } from '../hint';
import { isHintLive } from '../hint';
import { hintMatches } from './hint-match';

/**
 * The hint that claims `change`: the oldest one live at `at`, not yet consumed, that matches it (ties go to the
 * first listed). Null when none does.
 */
export function oldestMatchingHint(
  hints: readonly Hint[],
  change: Change,
  at: number,
  consumedIds: readonly string[],
): Hint | null {
  let oldest: Hint | null = null;
  for (const hint of hints) {
    if (oldest !== null && hint.recordedAt >= oldest.recordedAt) continue;
    if (!isHintLive(hint, at) || consumedIds.includes(hint.id) || !hintMatches(hint, change)) continue;
    oldest = hint;
  }
  return oldest;
}
