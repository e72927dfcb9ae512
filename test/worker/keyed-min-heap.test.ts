import fc from 'fast-check';
import { KeyedMinHeap } from '../../lib/worker/keyed-min-heap';

/** The specification: entries kept sorted by (priority, when set), a key at most once. */
class SortedModel {
  private entries: Array<{ key: string; priority: number; order: number }> = [];
  private order = 0;

  get size(): number {
    return this.entries.length;
  }

  set(key: string, priority: number): void {
    this.delete(key);
    this.entries.push({ key, priority, order: this.order++ });
    this.entries.sort((a, b) => a.priority - b.priority || a.order - b.order);
  }

  delete(key: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.key !== key);
    return this.entries.length < before;
  }

  pop(): string | undefined {
    return this.entries.shift()?.key;
  }

  peekPriority(): number {
    return this.entries[0]?.priority ?? Infinity;
  }

  priorityOf(key: string): number | undefined {
    return this.entries.find((entry) => entry.key === key)?.priority;
  }
}

type Operation =
  { kind: 'set'; key: string; priority: number } | { kind: 'delete'; key: string } | { kind: 'pop' };

// Few keys and few priorities, so updates of present keys and ties are common.
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
const priority = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(-Infinity, Infinity),
  fc.double({ noNaN: true }),
);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), key, priority }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pop' as const) }) },
);

describe('KeyedMinHeap', () => {
  it('agrees with a sorted array after every set, delete and pop', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const heap = new KeyedMinHeap<string>();
        const model = new SortedModel();
        for (const op of operations) {
          if (op.kind === 'set') {
            heap.set(op.key, op.priority);
            model.set(op.key, op.priority);
          } else if (op.kind === 'delete') {
            expect(heap.delete(op.key)).toBe(model.delete(op.key));
          } else {
            expect(heap.pop()).toBe(model.pop());
          }
          expect(heap.size).toBe(model.size);
          expect(heap.peekPriority()).toBe(model.peekPriority());
          for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
            expect(heap.priorityOf(k)).toBe(model.priorityOf(k));
            expect(heap.has(k)).toBe(model.priorityOf(k) !== undefined);
          }
        }
        const drained: Array<string | undefined> = [];
        while (heap.size > 0) drained.push(heap.pop());
        const expected: Array<string | undefined> = [];
        while (model.size > 0) expected.push(model.pop());
        expect(drained).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('pops a large heap in priority order, equal priorities in the order they were set', () => {
    const heap = new KeyedMinHeap<number>();
    for (let i = 0; i < 1000; i++) heap.set(i, (i * 7919) % 100);
    // Moving a key to where it already is still makes it the last set among its equals.
    heap.set(0, 0);
    const popped: number[] = [];
    while (heap.size > 0) popped.push(heap.pop() as number);
    const expected = Array.from({ length: 1000 }, (_, i) => i).sort(
      (a, b) => ((a * 7919) % 100) - ((b * 7919) % 100) || (a === 0 ? 1 : b === 0 ? -1 : a - b),
    );
    expect(popped).toEqual(expected);
  });

  it('is empty at first and after its last key leaves', () => {
    const heap = new KeyedMinHeap<string>();
    expect(heap.pop()).toBeUndefined();
    expect(heap.peekPriority()).toBe(Infinity);
    heap.set('a', 3);
    expect(heap.delete('a')).toBe(true);
    expect(heap.delete('a')).toBe(false);
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBeUndefined();
  });

  it('refuses a NaN priority and leaves the heap as it was', () => {
    const heap = new KeyedMinHeap<string>();
    heap.set('a', 1);
    expect(() => heap.set('a', NaN)).toThrow(RangeError);
    expect(heap.priorityOf('a')).toBe(1);
  });
});
