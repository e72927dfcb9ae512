/**
 * A binary min-heap of distinct keys by priority. `set` inserts a key or moves it, up or down (decrease- and
 * increase-key), and `delete` takes one out, each in O(log n); the least priority is read in O(1). Equal
 * priorities pop in the order they were set, so a run is repeatable. The worker keeps its users here by when
 * to look at them next, so a wake-up costs O(log n) per user due instead of a walk over every user.
 */
export class KeyedMinHeap<K> {
  // Parallel arrays, one slot per key: no object per entry.
  private readonly keys: K[] = [];
  private readonly priorities: number[] = [];
  private readonly orders: number[] = [];
  private readonly positions = new Map<K, number>();
  private nextOrder = 0;

  get size(): number {
    return this.keys.length;
  }

  has(key: K): boolean {
    return this.positions.has(key);
  }

  /** The key's priority, or undefined when it is not in the heap. */
  priorityOf(key: K): number | undefined {
    const at = this.positions.get(key);
    return at === undefined ? undefined : this.priorities[at];
  }

  /** The least priority, or Infinity when empty. */
  peekPriority(): number {
    return this.keys.length === 0 ? Infinity : (this.priorities[0] as number);
  }

  /** Puts `key` in at `priority`, or moves it there (it then counts as set last among equals). */
  set(key: K, priority: number): void {
    if (Number.isNaN(priority)) throw new RangeError('KeyedMinHeap.set: priority must not be NaN');
    const order = this.nextOrder++;
    const at = this.positions.get(key);
    if (at === undefined) {
      const end = this.keys.length;
      this.keys.push(key);
      this.priorities.push(priority);
      this.orders.push(order);
      this.positions.set(key, end);
      this.siftUp(end);
      return;
    }
    this.priorities[at] = priority;
    this.orders[at] = order;
    this.siftUp(at);
    this.siftDown(at);
  }

  /** Takes `key` out; false when it was not in. */
  delete(key: K): boolean {
    const at = this.positions.get(key);
    if (at === undefined) return false;
    this.removeAt(at);
    return true;
  }

  /** Takes out and returns the key of least priority (the earliest set among equals); undefined when empty. */
  pop(): K | undefined {
    if (this.keys.length === 0) return undefined;
    const key = this.keys[0] as K;
    this.removeAt(0);
    return key;
  }

  private removeAt(at: number): void {
    const last = this.keys.length - 1;
    this.positions.delete(this.keys[at] as K);
    if (at !== last) {
      this.place(at, this.keys[last] as K, this.priorities[last] as number, this.orders[last] as number);
    }
    this.keys.pop();
    this.priorities.pop();
    this.orders.pop();
    if (at !== last) {
      this.siftUp(at);
      this.siftDown(at);
    }
  }

  private siftUp(start: number): void {
    let at = start;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.less(at, parent)) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(start: number): void {
    const size = this.keys.length;
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < size && this.less(left, least)) least = left;
      if (right < size && this.less(right, least)) least = right;
      if (least === at) return;
      this.swap(at, least);
      at = least;
    }
  }

  private less(a: number, b: number): boolean {
    const pa = this.priorities[a] as number;
    const pb = this.priorities[b] as number;
    return pa < pb || (pa === pb && (this.orders[a] as number) < (this.orders[b] as number));
  }

  private swap(a: number, b: number): void {
    const key = this.keys[a] as K;
    const priority = this.priorities[a] as number;
    const order = this.orders[a] as number;
    this.place(a, this.keys[b] as K, this.priorities[b] as number, this.orders[b] as number);
    this.place(b, key, priority, order);
  }

  private place(at: number, key: K, priority: number, order: number): void {
    this.keys[at] = key;
    this.priorities[at] = priority;
    this.orders[at] = order;
    this.positions.set(key, at);
  }
}
