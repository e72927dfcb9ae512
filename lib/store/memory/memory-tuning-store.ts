import { serializeTuningValues, type Tuning, type TuningStore } from '../tuning-store';

export class MemoryTuningStore implements TuningStore {
  private stored: { version: number; json: string } | null = null;

  async get(): Promise<Tuning | null> {
    return this.stored && this.tuning(this.stored.version, this.stored.json);
  }

  async set(values: Record<string, unknown>): Promise<Tuning> {
    const json = serializeTuningValues('tuning.set', values);
    this.stored = { version: (this.stored?.version ?? 0) + 1, json };
    return this.tuning(this.stored.version, json);
  }

  private tuning(version: number, json: string): Tuning {
    return { version, values: JSON.parse(json) as Record<string, unknown> };
  }
}
