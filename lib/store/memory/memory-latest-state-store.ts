import { assertKeyPart } from '../key-part';
import { serializeState, type LatestStateStore } from '../latest-state-store';

/** Keeps JSON text, like Redis, so callers get a fresh copy with exactly what survives serialization. */
export class MemoryLatestStateStore implements LatestStateStore {
  private readonly states = new Map<string, string>();

  async get(userId: string): Promise<unknown> {
    assertKeyPart('userId', userId);
    const json = this.states.get(userId);
    return json === undefined ? null : (JSON.parse(json) as unknown);
  }

  async set(userId: string, state: unknown): Promise<void> {
    assertKeyPart('userId', userId);
    this.states.set(userId, serializeState('latestState.set', state));
  }

  async delete(userId: string): Promise<void> {
    assertKeyPart('userId', userId);
    this.states.delete(userId);
  }
}
