import { diffPlayer } from '../../../lib/core/diff/diff-player';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import type { PlayerSnapshot, QueueSnapshot } from '../../../lib/core/snapshot';
import { inactiveSnapshot } from '../../../lib/core/snapshot';
import {
  MINUTE,
  PHONE,
  SPEAKER,
  T0,
  ad,
  episode,
  later,
  player,
  queue,
  track,
  withVolume,
} from '../builders';
import { summarizePlayerChanges } from './summarize';

const NEAR_END = 178_000;
const MID = 60_000;
const playingMid = player({ progressMs: MID });
const pausedMid = player({ progressMs: MID, isPlaying: false });
const nearEnd = player({ progressMs: NEAR_END });
const b = track('b');

/** `prev` and `next`, `next` observed `ms` after `prev`. */
function at(ms: number, overrides: Partial<PlayerSnapshot>): PlayerSnapshot {
  return player({ observedAt: T0 + ms, ...overrides });
}

interface Row {
  name: string;
  prev: PlayerSnapshot;
  next: PlayerSnapshot;
  queue?: QueueSnapshot;
  expected: string[];
}

const rows: Row[] = [
  { name: 'ordinary progress', prev: playingMid, next: later(playingMid, 5_000), expected: [] },
  { name: 'paused, nothing happens', prev: pausedMid, next: later(pausedMid, 30_000), expected: [] },
  {
    name: 'natural end to the queue head',
    prev: nearEnd,
    next: at(3_000, { item: b, progressMs: 1_000 }),
    queue: queue('a', ['b', 'c']),
    expected: ['track a→b ended=true head', 'state item'],
  },
  {
    name: 'skip in the middle of the track',
    prev: playingMid,
    next: at(3_000, { item: b, progressMs: 1_000 }),
    queue: queue('a', ['b', 'c']),
    expected: ['track a→b ended=false head', 'state item'],
  },
  {
    name: 'natural end to a later queue item the time allowed for',
    prev: nearEnd,
    next: at(3 * MINUTE + 5_000, { item: track('c'), progressMs: 3_000 }),
    queue: queue('a', ['b', 'c']),
    expected: ['track a→c ended=true later', 'state item'],
  },
  {
    name: 'natural end to a queue item further than the time allowed',
    prev: nearEnd,
    next: at(5_000, { item: track('d'), progressMs: 3_000 }),
    queue: queue('a', ['b', 'c', 'd']),
    expected: ['track a→d ended=true elsewhere', 'state item'],
  },
  {
    name: 'natural end to an item not in the queue (added after the queue was polled)',
    prev: nearEnd,
    next: at(3_000, { item: track('z'), progressMs: 1_000 }),
    queue: queue('a', ['b', 'c']),
    expected: ['track a→z ended=true unknown', 'state item'],
  },
  {
    name: 'end, to a queue item the elapsed time could not reach',
    prev: nearEnd,
    next: at(3_000, { item: track('z'), progressMs: 1_000 }),
    queue: queue('a', ['b', 'c', 'z']),
    expected: ['track a→z ended=true elsewhere', 'state item'],
  },
  {
    name: 'natural end with a queue observed one item earlier',
    prev: nearEnd,
    next: at(3_000, { item: track('c'), progressMs: 1_000 }),
    queue: queue('y', ['a', 'c']),
    expected: ['track a→c ended=true head', 'state item'],
  },
  {
    name: 'natural end, no queue known',
    prev: nearEnd,
    next: at(3_000, { item: b, progressMs: 1_000 }),
    expected: ['track a→b ended=true unknown', 'state item'],
  },
  {
    name: 'a new item while paused near the end (a paused item cannot end)',
    prev: player({ progressMs: NEAR_END, isPlaying: false }),
    next: at(3_000, { item: b, progressMs: 0, isPlaying: false }),
    expected: ['track a→b ended=false unknown', 'state item'],
  },
  {
    name: 'repeat-one restart',
    prev: player({ progressMs: NEAR_END, repeat: 'track' }),
    next: at(4_000, { progressMs: 2_000, repeat: 'track' }),
    expected: ['track a→a restart ended=true repeat', 'state item'],
  },
  {
    name: 'paused at the start after the end (not a restart: nothing new starts)',
    prev: nearEnd,
    next: at(10_000, { progressMs: 0, isPlaying: false }),
    expected: ['state isPlaying,seek'],
  },
  {
    name: 'paused at the start after listening to most of it (not a restart)',
    prev: player({ progressMs: 120_000 }),
    next: at(1_000, { progressMs: 0, isPlaying: false }),
    expected: ['state isPlaying,seek'],
  },
  {
    name: 'seek to 0 early in the track',
    prev: player({ progressMs: 30_000 }),
    next: at(1_000, { progressMs: 0 }),
    expected: ['state seek'],
  },
  {
    name: 'replayed after listening to most of it',
    prev: player({ progressMs: 120_000 }),
    next: at(1_000, { progressMs: 500 }),
    expected: ['track a→a restart ended=false repeat', 'state item'],
  },
  {
    name: 'ordinary progress in a short track (near its start and past half of it)',
    prev: player({ item: track('s', 20_000), progressMs: 9_000 }),
    next: at(2_000, { item: track('s', 20_000), progressMs: 11_000 }),
    expected: [],
  },
  {
    name: 'jump back to the middle after the end (a seek, not near the start)',
    prev: nearEnd,
    next: at(1_000, { progressMs: 90_000 }),
    expected: ['state seek'],
  },
  {
    name: 'seek forward',
    prev: playingMid,
    next: at(1_000, { progressMs: 120_000 }),
    expected: ['state seek'],
  },
  {
    name: 'drift within the tolerance',
    prev: playingMid,
    next: at(1_000, { progressMs: MID + 3_500 }),
    expected: [],
  },
  {
    name: 'Spotify reporting a little past the end',
    prev: player({ progressMs: 179_000 }),
    next: at(5_000, { progressMs: 181_000 }),
    expected: [],
  },
  {
    name: 'pause with drift in one observation',
    prev: playingMid,
    next: at(5_000, { progressMs: MID + 4_500, isPlaying: false }),
    expected: ['state isPlaying'],
  },
  {
    name: 'pause and seek in one observation',
    prev: playingMid,
    next: at(5_000, { progressMs: MID + 40_000, isPlaying: false }),
    expected: ['state isPlaying,seek'],
  },
  {
    name: 'resume',
    prev: pausedMid,
    next: at(5_000, { progressMs: MID + 2_000 }),
    expected: ['state isPlaying'],
  },
  {
    name: 'seek while paused',
    prev: pausedMid,
    next: later(pausedMid, 1_000, { progressMs: 10_000 }),
    expected: ['state seek'],
  },
  {
    name: 'shuffle',
    prev: playingMid,
    next: later(playingMid, 1_000, { shuffle: true }),
    expected: ['state shuffle'],
  },
  {
    name: 'repeat',
    prev: playingMid,
    next: later(playingMid, 1_000, { repeat: 'context' }),
    expected: ['state repeat'],
  },
  {
    name: 'context alone',
    prev: playingMid,
    next: later(playingMid, 1_000, { contextUri: 'spotify:album:q' }),
    expected: ['state context'],
  },
  {
    name: 'volume',
    prev: playingMid,
    next: later(playingMid, 1_000, { device: withVolume(PHONE, 40) }),
    expected: ['state volume', 'volume 40'],
  },
  {
    name: 'a device starting to report its volume (no volume change)',
    prev: player({ device: withVolume(PHONE, null) }),
    next: at(1_000, { progressMs: 1_000 }),
    expected: ['state volume'],
  },
  {
    name: 'transfer to another device',
    prev: playingMid,
    next: later(playingMid, 1_000, { device: SPEAKER }),
    expected: ['device Phone→Kitchen', 'state device,volume'],
  },
  {
    name: 'the device renamed (same id, no device change)',
    prev: playingMid,
    next: later(playingMid, 1_000, { device: { ...PHONE, name: "Ann's phone" } }),
    expected: ['state device'],
  },
  {
    name: 'devices without ids told apart by name',
    prev: player({ device: { ...PHONE, id: null } }),
    next: at(1_000, { progressMs: 1_000, device: { ...SPEAKER, id: null, volume: 50 } }),
    expected: ['device Phone→Kitchen', 'state device'],
  },
  {
    name: '204 → 200 (playback starts from nothing)',
    prev: inactiveSnapshot(T0),
    next: at(1_000, { progressMs: 1_000 }),
    expected: [
      'track null→a ended=false unknown',
      'device null→Phone',
      'state activity,item,isPlaying,device,volume,context',
    ],
  },
  {
    name: '200 → 204',
    prev: playingMid,
    next: inactiveSnapshot(T0 + 1_000),
    expected: ['state activity,item,isPlaying,device,volume,context'],
  },
  {
    name: '204 → 200 with nothing playing on a paused device',
    prev: inactiveSnapshot(T0),
    next: at(1_000, { item: null, playingType: 'unknown', isPlaying: false, contextUri: null }),
    expected: ['device null→Phone', 'state activity,item,device,volume'],
  },
  { name: '204 → 204', prev: inactiveSnapshot(T0), next: inactiveSnapshot(T0 + 30_000), expected: [] },
  {
    name: 'track → ad (no track change)',
    prev: nearEnd,
    next: ad({ observedAt: T0 + 3_000 }),
    expected: ['state item'],
  },
  {
    name: 'ad → track (the ad ended)',
    prev: ad({ progressMs: 10_000 }),
    next: at(3_000, { item: b, progressMs: 1_000 }),
    expected: ['track null→b ended=true unknown', 'state item'],
  },
  {
    name: 'track → ad without a context, as Spotify sends ads (no context change)',
    prev: nearEnd,
    next: ad({ observedAt: T0 + 3_000, contextUri: null }),
    expected: ['state item'],
  },
  {
    name: 'ad without a context → the next track of the context (no context change)',
    prev: ad({ progressMs: 10_000, contextUri: null }),
    next: at(3_000, { item: b, progressMs: 1_000 }),
    expected: ['track null→b ended=true unknown', 'state item'],
  },
  {
    name: 'ad with a context → a track of another context',
    prev: ad({ progressMs: 10_000 }),
    next: at(3_000, { item: b, progressMs: 1_000, contextUri: 'spotify:album:q' }),
    expected: ['track null→b ended=true unknown', 'state item,context'],
  },
  {
    name: 'ad → ad (ads are not sought)',
    prev: ad({ progressMs: 25_000 }),
    next: ad({ observedAt: T0 + 10_000, progressMs: 2_000 }),
    expected: [],
  },
  {
    name: 'episode → next episode at its end',
    prev: player({ item: episode('e1'), playingType: 'episode', progressMs: 40 * MINUTE - 1_000 }),
    next: at(2_000, { item: episode('e2'), playingType: 'episode', progressMs: 1_000 }),
    expected: ['track e1→e2 ended=true unknown', 'state item'],
  },
  {
    name: 'episode skipped back 15 s (a seek, not a restart)',
    prev: player({ item: episode('e1'), playingType: 'episode', progressMs: 20 * MINUTE }),
    next: at(1_000, { item: episode('e1'), playingType: 'episode', progressMs: 20 * MINUTE - 14_000 }),
    expected: ['state seek'],
  },
];

describe('diffPlayer', () => {
  it.each(rows)('$name', ({ prev, next, queue: known, expected }) => {
    const changes = diffPlayer(prev, next, { options: DEFAULT_ENGINE_OPTIONS, queue: known ?? null });
    expect(summarizePlayerChanges(changes)).toEqual(expected);
  });

  it('carries the full new state, the new context and the devices in its changes', () => {
    const next = later(playingMid, 3_000, {
      item: b,
      progressMs: 2_000,
      device: SPEAKER,
      contextUri: 'spotify:album:q',
    });
    const changes = diffPlayer(playingMid, next, { options: DEFAULT_ENGINE_OPTIONS, queue: null });
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'track',
        previous: track('a'),
        current: b,
        contextUri: 'spotify:album:q',
      }),
      { kind: 'device', previous: PHONE, current: SPEAKER },
      expect.objectContaining({
        kind: 'playbackState',
        state: expect.objectContaining({
          track: b,
          position: 2_000,
          device: 'Kitchen',
          deviceId: 'speaker-id',
        }),
      }),
    ]);
  });
});
