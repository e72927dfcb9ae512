import { assertInstant } from '../argument-checks';
import { isHintLive, type Hint } from '../../core/hint';
import { compareHintsByAge, hintExpiresAt, type HintStore } from '../hint-store';
import { assertKeyPart } from '../key-part';

interface StoredHint {
  json: string;
  expiresAt: number;
}

export class MemoryHintStore implements HintStore {
  private readonly byUser = new Map<string, Map<string, StoredHint>>();

  async add(userId: string, hint: Hint): Promise<void> {
    assertKeyPart('userId', userId);
    const expiresAt = hintExpiresAt('hints.add', hint);
    let hints = this.byUser.get(userId);
    if (!hints) this.byUser.set(userId, (hints = new Map()));
    hints.set(hint.id, { json: JSON.stringify(hint), expiresAt });
  }

  async live(userId: string, now: number): Promise<Hint[]> {
    assertKeyPart('userId', userId);
    assertInstant('hints.live', 'now', now);
    const hints = this.pruned(userId, now);
    return [...hints.values()]
      .map((stored) => JSON.parse(stored.json) as Hint)
      .filter((hint) => isHintLive(hint, now))
      .sort(compareHintsByAge);
  }

  async consume(userId: string, ids: readonly string[]): Promise<string[]> {
    assertKeyPart('userId', userId);
    const hints = this.byUser.get(userId);
    const consumed = [...new Set(ids)].filter((id) => hints?.delete(id) === true);
    if (hints?.size === 0) this.byUser.delete(userId);
    return consumed;
  }

  async usersWithLiveHints(now: number): Promise<string[]> {
    assertInstant('hints.usersWithLiveHints', 'now', now);
    return [...this.byUser.keys()].filter((userId) => this.pruned(userId, now).size > 0).sort();
  }

  /** The user's hints without those expired at `now` (which are dropped). */
  private pruned(userId: string, now: number): Map<string, StoredHint> {
    const hints = this.byUser.get(userId) ?? new Map<string, StoredHint>();
    for (const [id, stored] of hints) if (stored.expiresAt <= now) hints.delete(id);
    if (hints.size === 0) this.byUser.delete(userId);
    return hints;
  }
}
