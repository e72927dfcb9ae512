/** The live-tunable settings (intervals, budget) with a version that grows by one on every write. */
export interface Tuning {
  version: number;
  values: Record<string, unknown>;
}

export interface TuningStore {
  /** The stored tuning, or null before the first write. */
  get(): Promise<Tuning | null>;
  /** Replaces the values and returns them with the new version. */
  set(values: Record<string, unknown>): Promise<Tuning>;
}

export function serializeTuningValues(where: string, values: Record<string, unknown>): string {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new RangeError(`${where}: values must be a plain object, got ${JSON.stringify(values)}`);
  }
  return JSON.stringify(values);
}
