import { initialEngineState } from '../../../lib/core/engine/engine-state';
import { flush } from '../../../lib/core/engine/flush';
import { step } from '../../../lib/core/engine/step';
import { volumeFlushDueAt } from '../../../lib/core/engine/volume-drag';
import { DEFAULT_ENGINE_OPTIONS, resolveEngineOptions } from '../../../lib/core/engine-options';
import type { EngineOptions } from '../../../lib/core/engine-options';
import type { Hint } from '../../../lib/core/hint';
import type { Observation, PlayerSnapshot } from '../../../lib/core/snapshot';
import { inactiveSnapshot } from '../../../lib/core/snapshot';
import { PHONE, SPEAKER, T0, ad, episode, hint, player, queue, track, uri, withVolume } from '../builders';
import { runEngine, seen, seenQueue, summarizeEvents } from './run-engine';

const NEAR_END = 178_000;

/** A player observation `ms` after T0. */
function at(ms: number, overrides: Partial<PlayerSnapshot> = {}): Observation {
  return seen(player({ observedAt: T0 + ms, progressMs: ms, ...overrides }));
}
const volumeAt = (ms: number, volume: number, device = PHONE): Observation =>
  at(ms, { device: withVolume(device, volume) });

/** What Spotify shows while it switches items: a track with no item. */
const switchingAt = (ms: number, overrides: Partial<PlayerSnapshot> = {}): Observation =>
  at(ms, { item: null, ...overrides });

/** An ad as Spotify sends one: no context. */
const adAt = (ms: number, progressMs: number): Observation =>
  seen(ad({ observedAt: T0 + ms, progressMs, contextUri: null }));

interface Row {
  name: string;
  observations: Observation[];
  hints?: Hint[];
  options?: EngineOptions;
  expected: string[];
}

const rows: Row[] = [
  {
    name: 'the first player observation is a baseline',
    observations: [at(0, { shuffle: true })],
    expected: [],
  },
  {
    name: 'the first queue observation is a baseline',
    observations: [at(0), seenQueue(queue('a', ['b', 'c'])), at(1_000)],
    expected: [],
  },
  {
    name: 'natural end to the queue head',
    observations: [
      seenQueue(queue('a', ['b', 'c'])),
      at(NEAR_END),
      at(NEAR_END + 3_000, { item: track('b'), progressMs: 1_000 }),
    ],
    expected: ['trackChanged:auto', 'playbackStateChanged:auto'],
  },
  {
    name: 'skip to the queue head in the middle of the track',
    observations: [
      seenQueue(queue('a', ['b', 'c'])),
      at(60_000),
      at(63_000, { item: track('b'), progressMs: 1_000 }),
    ],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
  },
  {
    name: 'natural end after shuffle changed: the old queue is no evidence',
    observations: [
      seenQueue(queue('a', ['b', 'c'])),
      at(NEAR_END - 10_000),
      at(NEAR_END, { shuffle: true }),
      at(NEAR_END + 3_000, { item: track('z'), progressMs: 1_000, shuffle: true }),
    ],
    expected: ['playbackStateChanged:user', 'trackChanged:auto', 'playbackStateChanged:auto'],
  },
  {
    name: 'repeat-one restart',
    observations: [
      at(NEAR_END, { repeat: 'track' }),
      at(NEAR_END + 4_000, { progressMs: 2_000, repeat: 'track' }),
    ],
    expected: ['trackChanged:auto', 'playbackStateChanged:auto'],
  },
  {
    name: 'seek to 0',
    observations: [at(30_000), at(31_000, { progressMs: 0 })],
    expected: ['playbackStateChanged:user'],
  },
  {
    name: 'pause with drift in one observation',
    observations: [at(60_000), at(65_000, { progressMs: 64_500, isPlaying: false })],
    expected: ['playbackStateChanged:user'],
  },
  {
    name: 'ad break',
    observations: [
      at(NEAR_END),
      seen(ad({ observedAt: T0 + NEAR_END + 3_000, progressMs: 1_000 })),
      seen(ad({ observedAt: T0 + NEAR_END + 13_000, progressMs: 11_000 })),
      at(NEAR_END + 33_000, { item: track('b'), progressMs: 1_000 }),
    ],
    expected: ['playbackStateChanged:auto', 'trackChanged:auto', 'playbackStateChanged:auto'],
  },
  {
    name: 'episode to episode at its end',
    observations: [
      at(0, { item: episode('e1', 60_000), playingType: 'episode', progressMs: 59_000 }),
      at(2_000, { item: episode('e2'), playingType: 'episode', progressMs: 1_000 }),
    ],
    expected: ['trackChanged:auto', 'playbackStateChanged:auto'],
  },
  {
    name: '200 → 204 → 200',
    observations: [at(0), seen(inactiveSnapshot(T0 + 30_000)), at(60_000)],
    expected: [
      'playbackStateChanged:user',
      'trackChanged:user',
      'deviceChanged:user',
      'playbackStateChanged:user',
    ],
  },
  {
    name: 'ai hint for the track, then the next item by itself',
    observations: [
      at(0),
      at(2_000, { item: track('b'), progressMs: 500 }),
      at(181_000, { item: track('c'), progressMs: 1_000 }),
    ],
    hints: [hint('h1', { expect: { trackUri: uri('b') } })],
    expected: [
      'trackChanged:ai',
      'playbackStateChanged:ai',
      'trackChanged:auto',
      'playbackStateChanged:auto',
    ],
  },
  {
    name: 'a hint is consumed once',
    observations: [at(0), at(1_000, { isPlaying: false }), at(2_000, { progressMs: 1_000 })],
    hints: [hint('h1')],
    expected: ['playbackStateChanged:ai', 'playbackStateChanged:user'],
  },
  {
    name: 'context change → no queueUpdated',
    observations: [
      seenQueue(queue('a', ['b', 'c'])),
      at(0),
      at(1_000, { contextUri: 'spotify:album:q' }),
      seenQueue(queue('a', ['q1', 'q2'], T0 + 1_500)),
      seenQueue(queue('a', ['q1', 'x', 'q2'], T0 + 5_000)),
    ],
    expected: ['playbackStateChanged:user', 'queueUpdated:user added spotify:track:x'],
  },
  {
    name: 'a new context started → no queueUpdated',
    observations: [
      at(0),
      seenQueue(queue('a', ['b', 'c'])),
      at(1_000, { item: track('z'), progressMs: 0 }),
      seenQueue(queue('z', ['y', 'w'], T0 + 1_500)),
    ],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
  },
  {
    name: 'queue shift on advance and tail refill',
    observations: [
      seenQueue(queue('a', ['b', 'c', 'd'])),
      seenQueue(queue('b', ['c', 'd', 'e'], T0 + 180_000)),
    ],
    options: resolveEngineOptions({ queueWindowItems: 3 }),
    expected: [],
  },
  {
    name: 'advance and an appended item in a queue shorter than the window: an addition',
    observations: [
      seenQueue(queue('a', ['b', 'c', 'd'])),
      seenQueue(queue('b', ['c', 'd', 'q'], T0 + 180_000)),
    ],
    expected: ['queueUpdated:user added spotify:track:q'],
  },
  {
    name: 'ai queue hint',
    observations: [seenQueue(queue('a', ['b', 'c'])), seenQueue(queue('a', ['b', 'x', 'c'], T0 + 1_000))],
    hints: [hint('h1', { intent: 'queue_song', expect: { queueAdded: [uri('x')] } })],
    expected: ['queueUpdated:ai added spotify:track:x'],
  },
  {
    name: 'volume drag coalesced, released by the first observation past the window',
    observations: [at(0), volumeAt(1_000, 45), volumeAt(2_000, 40), volumeAt(3_500, 35), volumeAt(6_000, 35)],
    expected: [
      'playbackStateChanged:user',
      'playbackStateChanged:user',
      'playbackStateChanged:user',
      'volumeChanged:user 35@+3500',
    ],
  },
  {
    name: 'an ai volume, then the user drags within the window: the drag is the user’s, a new event',
    observations: [at(0), volumeAt(1_000, 30), volumeAt(2_000, 25), volumeAt(5_000, 25)],
    hints: [hint('h1', { intent: 'set_volume', expect: { volume: 30 } })],
    expected: [
      'playbackStateChanged:ai',
      'volumeChanged:ai 30@+1000',
      'playbackStateChanged:user',
      'volumeChanged:user 25@+2000',
    ],
  },
  {
    name: 'a control route’s volume, then the user drags on: one drag of the user’s',
    observations: [at(0), volumeAt(1_000, 30), volumeAt(2_000, 25), volumeAt(5_000, 25)],
    hints: [hint('h1', { source: 'user', intent: 'set_volume', expect: { volume: 30 } })],
    expected: ['playbackStateChanged:user', 'playbackStateChanged:user', 'volumeChanged:user 25@+2000'],
  },
  {
    name: 'an ai volume hint met inside the user’s drag: the drag is released, the ai volume held',
    observations: [at(0), volumeAt(1_000, 60), volumeAt(2_000, 20), volumeAt(7_000, 20)],
    hints: [hint('h1', { intent: 'set_volume', expect: { volume: 20 }, recordedAt: T0 + 1_500 })],
    expected: [
      'playbackStateChanged:user',
      'volumeChanged:user 60@+1000',
      'playbackStateChanged:ai',
      'volumeChanged:ai 20@+2000',
    ],
  },
  {
    name: 'an announced volume met inside the user’s drag: the drag is released, the announced one not emitted',
    observations: [at(0), volumeAt(1_000, 60), volumeAt(2_000, 20), volumeAt(7_000, 20)],
    hints: [hint('h1', { expect: { volume: 20 }, recordedAt: T0 + 1_500, announced: true })],
    expected: ['playbackStateChanged:user', 'volumeChanged:user 60@+1000', 'playbackStateChanged:ai'],
  },
  {
    name: 'two volume changes further apart than the window are two events',
    observations: [at(0), volumeAt(1_000, 45), volumeAt(4_000, 40), volumeAt(7_000, 40)],
    expected: [
      'playbackStateChanged:user',
      'volumeChanged:user 45@+1000',
      'playbackStateChanged:user',
      'volumeChanged:user 40@+4000',
    ],
  },
  {
    name: 'a queue observation past the window releases the held volume too',
    observations: [
      seenQueue(queue('a', ['b'])),
      at(0),
      volumeAt(1_000, 45),
      seenQueue(queue('a', ['b'], T0 + 4_000)),
    ],
    expected: ['playbackStateChanged:user', 'volumeChanged:user 45@+1000'],
  },
  {
    name: 'a volume change on another device releases the held one first',
    observations: [
      at(0),
      volumeAt(1_000, 45),
      volumeAt(1_500, 20, SPEAKER),
      volumeAt(2_000, 25, SPEAKER),
      volumeAt(2_500, 25, SPEAKER),
      volumeAt(3_000, 15, PHONE),
    ],
    expected: [
      'playbackStateChanged:user',
      'deviceChanged:user',
      'playbackStateChanged:user',
      'volumeChanged:user 45@+1000',
      'playbackStateChanged:user',
      'deviceChanged:user',
      'playbackStateChanged:user',
    ],
  },
  {
    name: 'announced volume: nothing held, the state still emitted',
    observations: [at(0), volumeAt(1_000, 30), volumeAt(5_000, 30)],
    hints: [hint('h1', { expect: { volume: 30 }, announced: true })],
    expected: ['playbackStateChanged:ai'],
  },
  {
    name: 'an empty item while Spotify switches, then the same track playing on: nothing',
    observations: [at(50_000), switchingAt(55_000), at(60_000)],
    expected: [],
  },
  {
    name: 'an empty item while Spotify switches at the natural end: the advance is auto',
    observations: [
      seenQueue(queue('a', ['b', 'c'])),
      at(NEAR_END),
      switchingAt(NEAR_END + 5_000, { progressMs: 0 }),
      at(NEAR_END + 10_000, { item: track('b'), progressMs: 5_000 }),
    ],
    expected: ['trackChanged:auto', 'playbackStateChanged:auto'],
  },
  {
    name: 'an empty episode while Spotify switches: nothing',
    observations: [
      at(0, { item: episode('e1'), playingType: 'episode', progressMs: 60_000 }),
      at(5_000, { item: null, playingType: 'episode', progressMs: 65_000 }),
      at(10_000, { item: episode('e1'), playingType: 'episode', progressMs: 70_000 }),
    ],
    expected: [],
  },
  {
    name: 'an empty item as the first observation is no baseline',
    observations: [switchingAt(0), at(5_000), at(10_000)],
    expected: [],
  },
  {
    name: 'a track ending into an ad without a context, then the next track: auto throughout',
    observations: [
      seenQueue(queue('a', ['b', 'c'])),
      at(NEAR_END),
      adAt(NEAR_END + 3_000, 1_000),
      at(NEAR_END + 33_000, { item: track('b'), progressMs: 1_000 }),
    ],
    expected: ['playbackStateChanged:auto', 'trackChanged:auto', 'playbackStateChanged:auto'],
  },
  {
    name: 'an ad without a context changes no play order: the next queue edit is reported',
    observations: [
      seenQueue(queue('a', ['b', 'c', 'd'])),
      at(NEAR_END),
      adAt(NEAR_END + 3_000, 1_000),
      at(NEAR_END + 33_000, { item: track('b'), progressMs: 1_000 }),
      seenQueue(queue('b', ['x', 'c', 'd'], T0 + NEAR_END + 34_000)),
    ],
    expected: [
      'playbackStateChanged:auto',
      'trackChanged:auto',
      'playbackStateChanged:auto',
      'queueUpdated:user added spotify:track:x',
    ],
  },
  {
    name: 'paused at the start after the end: no restart',
    observations: [at(NEAR_END), at(NEAR_END + 10_000, { progressMs: 0, isPlaying: false })],
    expected: ['playbackStateChanged:user'],
  },
  {
    name: 'an ai resume from nothing: the item and device it started are the ai’s too',
    observations: [seen(inactiveSnapshot(T0)), at(3_000, { progressMs: 50_000 })],
    hints: [hint('h1', { intent: 'resume', expect: { isPlaying: true } })],
    expected: ['trackChanged:ai', 'deviceChanged:ai', 'playbackStateChanged:ai'],
  },
  {
    name: 'an older player observation (a late response) is ignored',
    observations: [at(0), at(9_000, { item: track('b') }), at(8_000), at(12_000, { item: track('b') })],
    expected: ['trackChanged:user', 'playbackStateChanged:user'],
  },
  {
    name: 'an older queue observation (a late response) is ignored',
    observations: [
      seenQueue(queue('a', ['b', 'c'], T0 + 5_000)),
      seenQueue(queue('a', ['b', 'x', 'c'], T0 + 1_000)),
      seenQueue(queue('a', ['b', 'c'], T0 + 9_000)),
    ],
    expected: [],
  },
  {
    name: 'device change from nothing',
    observations: [seen(inactiveSnapshot(T0)), at(1_000, { device: SPEAKER })],
    expected: ['trackChanged:user', 'deviceChanged:user', 'playbackStateChanged:user'],
  },
];

describe('step', () => {
  it.each(rows)('$name', ({ observations, hints, options, expected }) => {
    expect(summarizeEvents(runEngine(observations, hints, options).events)).toEqual(expected);
  });

  it('keeps the last real item as the previous one across an empty item', () => {
    const run = runEngine([
      at(NEAR_END),
      switchingAt(NEAR_END + 5_000, { progressMs: 0 }),
      at(NEAR_END + 10_000, { item: track('b'), progressMs: 5_000 }),
    ]);
    expect(run.events[0]).toMatchObject({
      event: 'trackChanged',
      data: { previous: track('a'), current: track('b') },
    });
  });

  it('leaves the state as it was for an older or a repeated observation', () => {
    const { state } = runEngine([seenQueue(queue('a', ['b'], T0 + 1_000)), at(2_000), volumeAt(3_000, 40)]);
    for (const observation of [
      at(1_000, { isPlaying: false }),
      volumeAt(3_000, 40),
      seenQueue(queue('a', [], T0)),
      seenQueue(queue('a', ['b'], T0 + 1_000)),
    ]) {
      const result = step(state, observation, [hint('h1')], DEFAULT_ENGINE_OPTIONS);
      expect(result).toEqual({ state, events: [], consumedHintIds: [] });
      expect(result.state).toBe(state);
    }
  });

  it('applies an observation of the same time that differs (two responses in one millisecond)', () => {
    const { state } = runEngine([at(0), at(2_000)]);
    const result = step(state, at(2_000, { isPlaying: false }), [], DEFAULT_ENGINE_OPTIONS);
    expect(summarizeEvents(result.events)).toEqual(['playbackStateChanged:user']);
  });

  it('returns the consumed hints', () => {
    const hints = [
      hint('h1', { expect: { trackUri: uri('b') } }),
      hint('h2', { expect: { trackUri: uri('z') } }),
    ];
    const run = runEngine([at(0), at(2_000, { item: track('b') })], hints);
    expect(run.consumedHintIds).toEqual(['h1']);
  });

  it('gives deviceChanged from nothing a null previous device', () => {
    const run = runEngine([seen(inactiveSnapshot(T0)), at(1_000, { device: SPEAKER })]);
    expect(run.events[1]).toEqual({
      event: 'deviceChanged',
      data: {
        previousDevice: null,
        previousDeviceId: null,
        currentDevice: 'Kitchen',
        currentDeviceId: 'speaker-id',
        source: 'user',
        timestamp: T0 + 1_000,
      },
    });
  });

  it('emits a volume change at once when volumeCoalesceMs is 0', () => {
    const options = resolveEngineOptions({ volumeCoalesceMs: 0 });
    const run = runEngine([at(0), volumeAt(1_000, 45)], [], options);
    expect(summarizeEvents(run.events)).toEqual(['playbackStateChanged:user', 'volumeChanged:user 45@+1000']);
    expect(run.state.heldVolume).toBeNull();
  });
});

describe('flush', () => {
  const dragged = runEngine([at(0), volumeAt(1_000, 45), volumeAt(2_000, 40)]).state;

  it('holds the drag until its window is over, then releases the final value', () => {
    expect(volumeFlushDueAt(dragged, DEFAULT_ENGINE_OPTIONS)).toBe(T0 + 4_000);
    const early = flush(dragged, T0 + 3_999, DEFAULT_ENGINE_OPTIONS);
    expect(early.events).toEqual([]);
    expect(early.state).toBe(dragged);
    const due = flush(dragged, T0 + 4_000, DEFAULT_ENGINE_OPTIONS);
    expect(summarizeEvents(due.events)).toEqual(['volumeChanged:user 40@+2000']);
    expect(due.state.heldVolume).toBeNull();
    expect(volumeFlushDueAt(due.state, DEFAULT_ENGINE_OPTIONS)).toBeNull();
  });

  it('releases whatever the time at Infinity (replay, at the end of its input)', () => {
    const end = flush(dragged, Number.POSITIVE_INFINITY, DEFAULT_ENGINE_OPTIONS);
    expect(summarizeEvents(end.events)).toEqual(['volumeChanged:user 40@+2000']);
    expect(flush(end.state, Number.POSITIVE_INFINITY, DEFAULT_ENGINE_OPTIONS).events).toEqual([]);
  });

  it('does nothing without a held volume', () => {
    const state = initialEngineState();
    expect(flush(state, T0, DEFAULT_ENGINE_OPTIONS)).toEqual({ state, events: [] });
  });

  it('keeps the released event in order before the events of the observation that releases it', () => {
    const result = step(dragged, at(9_000, { item: track('b') }), [], DEFAULT_ENGINE_OPTIONS);
    expect(summarizeEvents(result.events)).toEqual([
      'volumeChanged:user 40@+2000',
      'trackChanged:user',
      'playbackStateChanged:user',
    ]);
  });
});
