import { assertKeyPart } from '../key-part';
import { serializeState, type LatestStateStore } from '../latest-state-store';

/**
 * Keeps JSON text, like Redis, so callers get a fresh copy with exactly what survives serialization. `name` is
 * the store's name in `Stores`, for error messages.
 */
export class MemoryLatestStateStore implements LatestStateStore {
  private readonly states = new Map<string, string>();

  constructor(private readonly name: string) {}

  async get(userId: string): Promise<unknown> {
    assertKeyPart('userId', userId);
    const json = this.states.get(userId);
    return json === undefined ? null : (JSON.parse(json) as unknown);
  }

  async set(userId: string, state: unknown): Promise<void> {
    assertKeyPart('userId', userId);
    this.states.set(userId, serializeState(`${this.name}.set`, state));
  }

  async delete(userId: string): Promise<void> {
    assertKeyPart('userId', userId);
    this.states.delete(userId);
  }
}
