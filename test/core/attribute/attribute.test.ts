import type { UnpublishedEvent } from '../../../lib/contract/events';
import { attribute } from '../../../lib/core/attribute/attribute';
import type { Change } from '../../../lib/core/diff/change';
import { diffPlayer } from '../../../lib/core/diff/diff-player';
import { diffQueue } from '../../../lib/core/diff/diff-queue';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import type { Hint } from '../../../lib/core/hint';
import type { PlayerSnapshot, QueueSnapshot } from '../../../lib/core/snapshot';
import { inactiveSnapshot } from '../../../lib/core/snapshot';
import { PHONE, SPEAKER, T0, hint, later, player, queue, track, uri, withVolume } from '../builders';

const nearEnd = player({ progressMs: 178_000 });
const mid = player({ progressMs: 60_000 });
const next = (prev: PlayerSnapshot, overrides: Partial<PlayerSnapshot>): PlayerSnapshot =>
  later(prev, 3_000, overrides);
const toB = { item: track('b'), progressMs: 1_000 };

function playerChanges(
  prev: PlayerSnapshot,
  nextSnapshot: PlayerSnapshot,
  known?: QueueSnapshot,
): readonly Change[] {
  return diffPlayer(prev, nextSnapshot, { options: DEFAULT_ENGINE_OPTIONS, queue: known ?? null });
}

const naturalEnd = playerChanges(nearEnd, next(nearEnd, toB), queue('a', ['b', 'c']));
const skip = playerChanges(mid, next(mid, toB), queue('a', ['b', 'c']));
const pause = playerChanges(mid, next(mid, { isPlaying: false }));
const volume = playerChanges(mid, next(mid, { device: withVolume(PHONE, 30) }));
const transfer = playerChanges(mid, next(mid, { device: SPEAKER }));
const skipAndTransfer = playerChanges(mid, next(mid, { ...toB, device: SPEAKER }));
const QUEUE_CTX = { playOrderChanged: false, queueWindowItems: DEFAULT_ENGINE_OPTIONS.queueWindowItems };
const pausedMid = player({ progressMs: 60_000, isPlaying: false });
const resumeFromNothing = playerChanges(
  inactiveSnapshot(T0),
  player({ observedAt: T0 + 3_000, progressMs: 50_000 }),
);
const resumeHint = hint('h1', { intent: 'resume', expect: { isPlaying: true }, reasoning: 'Back to it' });
const queuedX = diffQueue(queue('a', ['b', 'c']), queue('a', ['b', 'x', 'c']), QUEUE_CTX);

/** `event:source`, in order. */
function summarize(events: readonly UnpublishedEvent[]): string[] {
  return events.map((event) => `${event.event}:${event.data.source}`);
}

interface Row {
  name: string;
  changes: readonly Change[];
  hints: Hint[];
  expected: string[];
  consumed: string[];
}

const rows: Row[] = [
  {
    name: 'natural end: auto, and its new state too',
    changes: naturalEnd,
    hints: [],
    expected: ['trackChanged:auto', 'playbackStateChanged:auto'],
    consumed: [],
  },
  {
    name: 'skip in the Spotify app: user',
    changes: skip,
    hints: [],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
    consumed: [],
  },
  {
    name: 'an item giving way to an ad at its end: auto',
    changes: playerChanges(nearEnd, next(nearEnd, { item: null, playingType: 'ad' })),
    hints: [],
    expected: ['playbackStateChanged:auto'],
    consumed: [],
  },
  {
    name: 'an item giving way to an ad in its middle: user',
    changes: playerChanges(mid, next(mid, { item: null, playingType: 'ad' })),
    hints: [],
    expected: ['playbackStateChanged:user'],
    consumed: [],
  },
  {
    name: 'end of the item, but a later queue item the time could not reach: user skipped ahead',
    changes: playerChanges(nearEnd, next(nearEnd, { item: track('z') }), queue('a', ['b', 'z'])),
    hints: [],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
    consumed: [],
  },
  {
    name: 'end of the item, to an item the known queue does not hold (added since it was polled): auto',
    changes: playerChanges(nearEnd, next(nearEnd, { item: track('z') }), queue('a', ['b'])),
    hints: [],
    expected: ['trackChanged:auto', 'playbackStateChanged:auto'],
    consumed: [],
  },
  {
    name: 'ai hint for that track',
    changes: skip,
    hints: [hint('h1', { expect: { trackUri: uri('b') } })],
    expected: ['trackChanged:ai', 'playbackStateChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'ai hint for that track even at a natural end',
    changes: naturalEnd,
    hints: [hint('h1', { expect: { trackUri: uri('b') } })],
    expected: ['trackChanged:ai', 'playbackStateChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'expired hint',
    changes: skip,
    hints: [hint('h1', { expect: { trackUri: uri('b') }, recordedAt: T0 - 20_000 })],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
    consumed: [],
  },
  {
    name: 'hint recorded after the observation',
    changes: skip,
    hints: [hint('h1', { expect: { trackUri: uri('b') }, recordedAt: T0 + 5_000 })],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
    consumed: [],
  },
  {
    name: 'hint for a different track',
    changes: skip,
    hints: [hint('h1', { expect: { trackUri: uri('c') } })],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
    consumed: [],
  },
  {
    name: 'hint without expect claims the first change',
    changes: skip,
    hints: [hint('h1')],
    expected: ['trackChanged:ai', 'playbackStateChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'hint without expect claims a pause',
    changes: pause,
    hints: [hint('h1')],
    expected: ['playbackStateChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'one hint claims one change: the device change of the same observation is the user’s',
    changes: skipAndTransfer,
    hints: [hint('h1')],
    expected: ['trackChanged:ai', 'deviceChanged:user', 'playbackStateChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'several live: the oldest matching first',
    changes: skip,
    hints: [
      hint('newer', { expect: { trackUri: uri('b') }, recordedAt: T0 - 500 }),
      hint('older', { source: 'user', expect: { trackUri: uri('b') }, recordedAt: T0 - 2_000 }),
      hint('oldest-but-other', { expect: { trackUri: uri('c') }, recordedAt: T0 - 3_000 }),
    ],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
    consumed: ['older'],
  },
  {
    name: 'a trackUri hint does not attribute a volume change',
    changes: volume,
    hints: [hint('h1', { expect: { trackUri: uri('b') } })],
    expected: ['playbackStateChanged:user', 'volumeChanged:user'],
    consumed: [],
  },
  {
    name: 'ai volume hint',
    changes: volume,
    hints: [hint('h1', { intent: 'set_volume', expect: { volume: 30 } })],
    expected: ['playbackStateChanged:ai', 'volumeChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'ai device hint',
    changes: transfer,
    hints: [hint('h1', { intent: 'transfer', expect: { deviceId: 'speaker-id' } })],
    expected: ['deviceChanged:ai', 'playbackStateChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'user pause hint from a control route',
    changes: pause,
    hints: [hint('h1', { source: 'user', intent: 'pause', expect: { isPlaying: false } })],
    expected: ['playbackStateChanged:user'],
    consumed: ['h1'],
  },
  {
    name: 'pause hint with a skip in the Spotify app in the same observation',
    changes: playerChanges(mid, next(mid, { ...toB, isPlaying: false })),
    hints: [hint('h1', { intent: 'pause', expect: { isPlaying: false } })],
    expected: ['trackChanged:user', 'playbackStateChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'a resume hint claims the state: the item and device playback started with share its source',
    changes: resumeFromNothing,
    hints: [resumeHint],
    expected: ['trackChanged:ai', 'deviceChanged:ai', 'playbackStateChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'a resume hint does not claim a volume change of the same observation',
    changes: playerChanges(pausedMid, next(pausedMid, { isPlaying: true, device: withVolume(PHONE, 30) })),
    hints: [resumeHint],
    expected: ['playbackStateChanged:ai', 'volumeChanged:user'],
    consumed: ['h1'],
  },
  {
    name: 'announced resume: its state is not emitted, the item and device it started are, as its source',
    changes: resumeFromNothing,
    hints: [{ ...resumeHint, announced: true }],
    expected: ['trackChanged:ai', 'deviceChanged:ai'],
    consumed: ['h1'],
  },
  {
    name: 'announced track hint: no trackChanged, its state still emitted',
    changes: skip,
    hints: [hint('h1', { source: 'user', expect: { trackUri: uri('b') }, announced: true })],
    expected: ['playbackStateChanged:user'],
    consumed: ['h1'],
  },
  {
    name: 'announced pause: nothing emitted',
    changes: pause,
    hints: [hint('h1', { expect: { isPlaying: false }, announced: true })],
    expected: [],
    consumed: ['h1'],
  },
  {
    name: 'ai queue hint',
    changes: queuedX,
    hints: [hint('h1', { intent: 'queue_song', expect: { queueAdded: [uri('x')] } })],
    expected: ['queueUpdated:ai'],
    consumed: ['h1'],
  },
  {
    name: 'unhinted queue edit',
    changes: queuedX,
    hints: [hint('h1', { expect: { trackUri: uri('x') } })],
    expected: ['queueUpdated:user'],
    consumed: [],
  },
  { name: 'no changes', changes: [], hints: [hint('h1')], expected: [], consumed: [] },
];

describe('attribute', () => {
  it.each(rows)('$name', ({ changes, hints, expected, consumed }) => {
    const result = attribute(changes, hints, { observedAt: T0 + 3_000 });
    expect(summarize(result.events)).toEqual(expected);
    expect(result.consumedHintIds).toEqual(consumed);
  });

  it('gives a track change the hint’s metadata and the observation’s timestamp', () => {
    const claimed = hint('h1', {
      expect: { trackUri: uri('b') },
      reasoning: 'You like b',
      isAIDiscovery: true,
    });
    const { events } = attribute(skip, [claimed], { observedAt: T0 + 3_000 });
    expect(events).toEqual([
      {
        event: 'trackChanged',
        data: {
          previous: track('a'),
          current: track('b'),
          source: 'ai',
          timestamp: T0 + 3_000,
          reasoning: 'You like b',
          isAIDiscovery: true,
        },
      },
      {
        event: 'playbackStateChanged',
        data: expect.objectContaining({ source: 'ai', timestamp: T0 + 3_000, reasoning: 'You like b' }),
      },
    ]);
    expect(events[1]!.data).not.toHaveProperty('isAIDiscovery');
  });

  it('gives the changes a claimed state shares its hint’s reasoning, not its discovery flag', () => {
    const discovery = { ...resumeHint, isAIDiscovery: true };
    const { events } = attribute(resumeFromNothing, [discovery], { observedAt: T0 + 3_000 });
    expect(events[0]).toEqual({
      event: 'trackChanged',
      data: {
        previous: null,
        current: track('a'),
        source: 'ai',
        timestamp: T0 + 3_000,
        reasoning: 'Back to it',
      },
    });
    expect(events[1]!.data).toMatchObject({ source: 'ai', reasoning: 'Back to it' });
  });

  it('leaves optional fields out when no hint gave them', () => {
    const { events } = attribute(skip, [], { observedAt: T0 + 3_000 });
    for (const event of events) {
      expect(event.data).not.toHaveProperty('reasoning');
      expect(event.data).not.toHaveProperty('isAIDiscovery');
    }
  });

  it('builds queue and device payloads', () => {
    const queueEvents = attribute(queuedX, [], { observedAt: T0 }).events;
    expect(queueEvents).toEqual([
      {
        event: 'queueUpdated',
        data: {
          action: 'added',
          tracks: [track('x')],
          trackUris: [uri('x')],
          totalItems: 3,
          source: 'user',
          timestamp: T0,
        },
      },
    ]);
    const cleared = diffQueue(queue('a', ['b']), queue('a', []), QUEUE_CTX);
    expect(attribute(cleared, [], { observedAt: T0 }).events).toEqual([
      { event: 'queueUpdated', data: { action: 'cleared', totalItems: 0, source: 'user', timestamp: T0 } },
    ]);
    expect(attribute(transfer, [], { observedAt: T0 }).events[0]).toEqual({
      event: 'deviceChanged',
      data: {
        previousDevice: 'Phone',
        previousDeviceId: 'phone-id',
        currentDevice: 'Kitchen',
        currentDeviceId: 'speaker-id',
        source: 'user',
        timestamp: T0,
      },
    });
  });
});
