/**
 * One latest value per user: the engine's state (`Stores.latestState`, for takeover by another worker) and the
 * published PlaybackState (`Stores.playbackStates`, for `requestPlaybackSync`). The value is opaque here; both
 * backends store it as JSON, so what comes back is what JSON round-trips.
 */
export interface LatestStateStore {
  /** The stored value, or null when there is none. */
  get(userId: string): Promise<unknown>;
  /** Stores a JSON-serializable value (not null or undefined: null means "none"). */
  set(userId: string, state: unknown): Promise<void>;
  delete(userId: string): Promise<void>;
}

/** Serializes a state for storage, rejecting what would not come back as itself. */
export function serializeState(where: string, state: unknown): string {
  if (state === null || state === undefined) {
    throw new RangeError(`${where}: state must be a JSON-serializable value, got ${String(state)}`);
  }
  const json = JSON.stringify(state);
  if (json === undefined) throw new RangeError(`${where}: state is not JSON-serializable (${typeof state})`);
  return json;
}
