/**
 * The ids a client has already delivered, so a replayed event that also arrived live (or the reverse) is shown
 * once. Bounded: the oldest ids are forgotten first; a replay never reaches further back than the buffer.
 */
export class SeenEventIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 1000) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
  }

  /** Records `id`; false when it was already seen. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value as string;
      this.ids.delete(oldest);
    }
    return true;
  }

  clear(): void {
    this.ids.clear();
  }
}
