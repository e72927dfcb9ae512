import { diffQueue } from '../../../lib/core/diff/diff-queue';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import type { QueueSnapshot } from '../../../lib/core/snapshot';
import { queue } from '../builders';
import { summarizeQueueChanges } from './summarize';

interface Row {
  name: string;
  prev: QueueSnapshot;
  next: QueueSnapshot;
  playOrderChanged?: boolean;
  /** How many items Spotify's window shows; rows about a full window set it to their list's length. */
  queueWindowItems?: number;
  expected: string[];
}

const { queueWindowItems: WINDOW } = DEFAULT_ENGINE_OPTIONS;

const rows: Row[] = [
  { name: 'unchanged', prev: queue('a', ['b', 'c', 'd']), next: queue('a', ['b', 'c', 'd']), expected: [] },
  {
    name: 'queue shift on advance',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('b', ['c', 'd']),
    expected: [],
  },
  {
    name: 'advance past several items (skipped ahead)',
    prev: queue('a', ['b', 'c', 'd', 'e']),
    next: queue('c', ['d', 'e']),
    expected: [],
  },
  {
    name: 'tail refill after advance',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('b', ['c', 'd', 'e']),
    queueWindowItems: 3,
    expected: [],
  },
  {
    name: 'tail refill after advancing by two',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('c', ['d', 'e', 'f']),
    queueWindowItems: 3,
    expected: [],
  },
  {
    name: 'more new items at the tail than the advance explains',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('b', ['c', 'd', 'x', 'e']),
    queueWindowItems: 3,
    expected: ['added x total=4'],
  },
  {
    name: 'appended after an advance in a queue shorter than the window (no sliding)',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('b', ['c', 'd', 'q']),
    expected: ['added q total=3'],
  },
  {
    name: 'tail refill after an advance with a full default window',
    prev: queue('a', itemIds('c', WINDOW)),
    next: queue('c0', [...itemIds('c', WINDOW).slice(1), 'n']),
    expected: [],
  },
  {
    name: 'new items at the tail without an advance are additions',
    prev: queue('a', ['b', 'c']),
    next: queue('a', ['b', 'c', 'x']),
    expected: ['added x total=3'],
  },
  {
    name: 'added before the context items',
    prev: queue('a', ['q1', 'c1', 'c2']),
    next: queue('a', ['q1', 'x', 'y', 'c1', 'c2']),
    expected: ['added x,y total=5'],
  },
  {
    name: 'added with the window full: the last item falls off, no removal',
    prev: queue('a', ['q1', 'c1', 'c2', 'c3']),
    next: queue('a', ['q1', 'x', 'c1', 'c2']),
    queueWindowItems: 4,
    expected: ['added x total=4'],
  },
  {
    name: 'added and the last removed in a queue shorter than the window: both edits',
    prev: queue('a', ['q1', 'c1', 'c2', 'c3']),
    next: queue('a', ['q1', 'x', 'c1', 'c2']),
    expected: ['removed c3 total=4', 'added x total=4'],
  },
  {
    name: 'removed',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('a', ['b', 'd']),
    expected: ['removed c total=2'],
  },
  {
    name: 'removed with the window full: one more slides in, no addition',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('a', ['b', 'd', 'e']),
    queueWindowItems: 3,
    expected: ['removed c total=3'],
  },
  {
    name: 'removed and another appended in a queue shorter than the window: both edits',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('a', ['b', 'd', 'e']),
    expected: ['removed c total=3', 'added e total=3'],
  },
  {
    name: 'added and removed in one observation: two events, removed first',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('a', ['x', 'b', 'd']),
    expected: ['removed c total=3', 'added x total=3'],
  },
  {
    name: 'added after an advance',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('b', ['x', 'c', 'd']),
    expected: ['added x total=3'],
  },
  {
    name: 'moved: removed from its place and added at the new one',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('a', ['c', 'b', 'd']),
    expected: ['removed b total=3', 'added b total=3'],
  },
  {
    name: 'one of two equal items removed',
    prev: queue('a', ['b', 'b', 'c']),
    next: queue('a', ['b', 'c']),
    expected: ['removed b total=2'],
  },
  { name: 'cleared', prev: queue('a', ['b', 'c']), next: queue('a', []), expected: ['cleared total=0'] },
  { name: 'emptied by playing its last item', prev: queue('a', ['b']), next: queue('b', []), expected: [] },
  {
    name: 'added to an empty queue',
    prev: queue('a', []),
    next: queue('a', ['x']),
    expected: ['added x total=1'],
  },
  {
    name: 'a new context started (the current item was not in the queue)',
    prev: queue('a', ['b', 'c']),
    next: queue('z', ['y', 'x']),
    expected: [],
  },
  {
    name: 'context or shuffle changed since the last queue observation',
    prev: queue('a', ['b', 'c', 'd']),
    next: queue('a', ['d', 'b', 'c', 'x']),
    playOrderChanged: true,
    expected: [],
  },
  { name: 'playback stopped', prev: queue('a', ['b']), next: queue(null, []), expected: [] },
];

describe('diffQueue', () => {
  it.each(rows)('$name', ({ prev, next, playOrderChanged, queueWindowItems, expected }) => {
    const changes = diffQueue(prev, next, {
      playOrderChanged: playOrderChanged ?? false,
      queueWindowItems: queueWindowItems ?? WINDOW,
    });
    expect(summarizeQueueChanges(changes)).toEqual(expected);
  });

  it('aligns long queues with edits in several places', () => {
    const ids = Array.from({ length: 50 }, (_, index) => `c${index}`);
    const edited = [
      ...ids.slice(0, 10),
      'x',
      ...ids.slice(10, 30),
      ...ids.slice(31, 40),
      'y',
      ...ids.slice(40),
    ];
    const changes = diffQueue(queue('a', ids), queue('a', edited), {
      playOrderChanged: false,
      queueWindowItems: WINDOW,
    });
    expect(summarizeQueueChanges(changes)).toEqual(['removed c30 total=51', 'added x,y total=51']);
  });
});

/** `count` item ids `prefix0`, `prefix1`, … */
function itemIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}
