import fc from 'fast-check';
import type { ModelContext, Outcome } from '../../lib/simulator/listener-model';
import {
  PREVIOUS_RESTARTS_AFTER_MS,
  addToQueue,
  naturalEnd,
  pause,
  playNew,
  resume,
  seek,
  setRepeat,
  setShuffle,
  setVolume,
  skipNext,
  skipPrevious,
  stop,
  transfer,
} from '../../lib/simulator/listener-model';
import type { ListenerState } from '../../lib/simulator/player-state';
import { durationOf, naturalEndAt, progressAt } from '../../lib/simulator/player-state';
import { T0, catalog, model, otherTrack, playingState, someContext, uriOf } from './model-kit';

const context = someContext(4);
const item = (i: number) => context.items[i]!;

function stateOf(outcome: Outcome): ListenerState {
  if ('error' in outcome) throw new Error(`expected a state, got ${JSON.stringify(outcome.error)}`);
  return outcome.state;
}

/** Runs natural ends until `at`, as the world does. */
function runUntil(state: ListenerState, at: number, m: ModelContext): ListenerState {
  let current = state;
  for (let end = naturalEndAt(current); end !== null && end <= at; end = naturalEndAt(current)) {
    current = naturalEnd(current, end, m);
  }
  return current;
}

describe('progress', () => {
  it('extrapolates while playing, capped at the duration, and stands still while paused', () => {
    const state = playingState(context, 0, { positionMs: 1000 });
    expect(progressAt(state, T0 + 2500)).toBe(3500);
    expect(progressAt(state, T0 + 10 ** 9)).toBe(item(0).durationMs);
    expect(progressAt({ ...state, isPlaying: false }, T0 + 2500)).toBe(1000);
  });

  it('ends exactly when the remaining duration has played', () => {
    expect(naturalEndAt(playingState(context, 0, { positionMs: 1000 }))).toBe(T0 + item(0).durationMs - 1000);
    expect(naturalEndAt(playingState(context, 0, { isPlaying: false }))).toBeNull();
    expect(naturalEndAt(playingState(context, 0, { activeDeviceId: null, isPlaying: false }))).toBeNull();
  });
});

describe('natural end', () => {
  it('plays the next context item from its start', () => {
    const end = T0 + item(0).durationMs;
    const next = naturalEnd(playingState(context), end, model());
    expect(uriOf(next)).toBe(item(1).uri);
    expect(next).toMatchObject({ positionMs: 0, anchorAt: end, isPlaying: true, itemSeq: 2 });
    expect(next.context.index).toBe(1);
  });

  it('plays the queue head first, then continues the context where it left off', () => {
    const queued = otherTrack(context.items);
    const start = stateOf(addToQueue(playingState(context), T0, queued));
    const afterFirst = naturalEnd(start, naturalEndAt(start)!, model());
    expect(uriOf(afterFirst)).toBe(queued.uri);
    expect(afterFirst.queue).toEqual([]);
    const afterQueue = naturalEnd(afterFirst, naturalEndAt(afterFirst)!, model());
    expect(uriOf(afterQueue)).toBe(item(1).uri);
  });

  it('starts the same item over with repeat track', () => {
    const state = playingState(context, 0, { repeat: 'track' });
    const next = naturalEnd(state, naturalEndAt(state)!, model());
    expect(uriOf(next)).toBe(item(0).uri);
    expect(next.itemSeq).toBe(state.itemSeq + 1);
    expect(next.positionMs).toBe(0);
  });

  it('loops to the first item with repeat context', () => {
    const last = context.items.length - 1;
    const state = playingState(context, last, { repeat: 'context' });
    const next = naturalEnd(state, naturalEndAt(state)!, model());
    expect(uriOf(next)).toBe(item(0).uri);
    expect(next.isPlaying).toBe(true);
  });

  it('stops on the first item past the end without repeat or autoplay', () => {
    const state = playingState(context, context.items.length - 1);
    const next = naturalEnd(state, naturalEndAt(state)!, model({ autoplay: false }));
    expect(uriOf(next)).toBe(item(0).uri);
    expect(next.isPlaying).toBe(false);
  });

  it('plays another context past the end with autoplay', () => {
    const state = playingState(context, context.items.length - 1);
    const next = naturalEnd(state, naturalEndAt(state)!, model({ autoplay: true }));
    expect(next.isPlaying).toBe(true);
    expect(catalog.context(next.context.uri!)).toBeDefined();
    expect(uriOf(next)).toBe(next.context.items[next.context.order[next.context.index]!]!.uri);
  });

  it('plays an ad break between two tracks, then the next item', () => {
    const m = model({ adChance: 1, adMinMs: 20_000, adMaxMs: 20_000 });
    const state = playingState(context);
    const ad = naturalEnd(state, naturalEndAt(state)!, m);
    expect(ad.playing).toEqual({ kind: 'ad', durationMs: 20_000 });
    const after = naturalEnd(ad, naturalEndAt(ad)!, m);
    expect(uriOf(after)).toBe(item(1).uri);
  });

  it('processes several very short items between two reads, each at its own end', () => {
    const short = catalog.tracks.filter((t) => t.durationMs < 30_000).slice(0, 3);
    expect(short).toHaveLength(3);
    const state = stateOf(
      playNew(
        playingState(context),
        T0,
        { source: { items: short }, startIndex: 0, positionMs: 0, deviceId: null },
        model(),
      ),
    );
    const total = short.reduce((sum, t) => sum + t.durationMs, 0);
    const after = runUntil(state, T0 + total - 1, model());
    expect(uriOf(after)).toBe(short[2]!.uri);
    expect(after.anchorAt).toBe(T0 + short[0]!.durationMs + short[1]!.durationMs);
    expect(after.history.map((h) => h.track.uri)).toEqual([short[2]!.uri, short[1]!.uri, short[0]!.uri]);
  });
});

describe('commands', () => {
  it('previous restarts the item after the first seconds, else goes to the previous item', () => {
    const state = playingState(context, 2);
    const late = stateOf(skipPrevious(state, T0 + PREVIOUS_RESTARTS_AFTER_MS + 1));
    expect(uriOf(late)).toBe(item(2).uri);
    expect(late).toMatchObject({ positionMs: 0, seekSeq: 1, itemSeq: state.itemSeq });
    const early = stateOf(skipPrevious(state, T0 + 1000));
    expect(uriOf(early)).toBe(item(1).uri);
    const atStart = stateOf(skipPrevious(playingState(context, 0), T0 + 1000));
    expect(uriOf(atStart)).toBe(item(0).uri);
    expect(atStart.seekSeq).toBe(1);
  });

  it('previous from a queued item returns to the context item', () => {
    const queued = otherTrack(context.items);
    const withQueue = stateOf(addToQueue(playingState(context, 1), T0, queued));
    const onQueued = stateOf(skipNext(withQueue, T0 + 100, model()));
    expect(uriOf(onQueued)).toBe(queued.uri);
    expect(uriOf(stateOf(skipPrevious(onQueued, T0 + 200)))).toBe(item(1).uri);
  });

  it('skip while paused starts playing the next item', () => {
    const paused = playingState(context, 0, { isPlaying: false });
    const next = stateOf(skipNext(paused, T0 + 5000, model()));
    expect(uriOf(next)).toBe(item(1).uri);
    expect(next.isPlaying).toBe(true);
  });

  it('seek jumps within the item; past its end it starts the next one', () => {
    const state = playingState(context);
    const sought = stateOf(seek(state, T0 + 1000, 60_000, model()));
    expect(progressAt(sought, T0 + 2000)).toBe(61_000);
    expect(sought.seekSeq).toBe(1);
    const past = stateOf(seek(state, T0 + 1000, item(0).durationMs, model()));
    expect(uriOf(past)).toBe(item(1).uri);
  });

  it('shuffle puts the current item first in a permutation; unshuffle goes back to album order', () => {
    const state = playingState(context, 2);
    const shuffled = stateOf(setShuffle(state, T0 + 10, true, model()));
    const { order, index } = shuffled.context;
    expect(index).toBe(0);
    expect(order[0]).toBe(2);
    expect([...order].sort((a, b) => a - b)).toEqual(context.items.map((_, i) => i));
    const unshuffled = stateOf(setShuffle(shuffled, T0 + 20, false, model()));
    expect(unshuffled.context.order).toEqual(context.items.map((_, i) => i));
    expect(unshuffled.context.index).toBe(2);
    expect(uriOf(unshuffled)).toBe(item(2).uri);
  });

  it('keeps a volume per device and carries the playing state on transfer', () => {
    const state = stateOf(setVolume(playingState(context), T0, 80));
    const moved = stateOf(transfer(state, T0 + 10, 'tv'));
    expect(moved.activeDeviceId).toBe('tv');
    expect(moved.isPlaying).toBe(true);
    expect(moved.devices.map((d) => d.volume)).toEqual([80, 30]);
    const back = stateOf(transfer({ ...moved, isPlaying: false }, T0 + 20, 'phone', true));
    expect(back.isPlaying).toBe(true);
  });

  it('stop leaves no device and nothing playing, but remembers the item', () => {
    const stopped = stop(playingState(context, 1), T0 + 5000);
    expect(stopped).toMatchObject({ activeDeviceId: null, isPlaying: false, positionMs: 5000 });
    expect(uriOf(stopped)).toBe(item(1).uri);
  });

  it('play with a context starts at the offset and position', () => {
    const target = catalog.musicContexts.find((c) => c !== context && c.items.length >= 3)!;
    const started = stateOf(
      playNew(
        playingState(context),
        T0,
        { source: { context: target }, startIndex: 2, positionMs: 5000, deviceId: 'tv' },
        model(),
      ),
    );
    expect(started.context.uri).toBe(target.uri);
    expect(uriOf(started)).toBe(target.items[2]!.uri);
    expect(started).toMatchObject({ positionMs: 5000, activeDeviceId: 'tv', isPlaying: true });
  });

  const refusals: [string, ListenerState, (state: ListenerState) => Outcome, number, string | undefined][] = [
    [
      'pause while paused',
      playingState(context, 0, { isPlaying: false }),
      (s) => pause(s, T0),
      403,
      'UNKNOWN',
    ],
    ['resume while playing', playingState(context), (s) => resume(s, T0), 403, 'UNKNOWN'],
    [
      'skip with no device',
      playingState(context, 0, { activeDeviceId: null, isPlaying: false }),
      (s) => skipNext(s, T0, model()),
      404,
      'NO_ACTIVE_DEVICE',
    ],
    [
      'pause with no device',
      playingState(context, 0, { activeDeviceId: null, isPlaying: false }),
      (s) => pause(s, T0),
      404,
      'NO_ACTIVE_DEVICE',
    ],
    [
      'skip during an ad',
      playingState(context, 0, { playing: { kind: 'ad', durationMs: 20_000 } }),
      (s) => skipNext(s, T0, model()),
      403,
      'UNKNOWN',
    ],
    [
      'seek during an ad',
      playingState(context, 0, { playing: { kind: 'ad', durationMs: 20_000 } }),
      (s) => seek(s, T0, 10, model()),
      403,
      'UNKNOWN',
    ],
    [
      'volume on a device without volume control',
      playingState(context, 0, { activeDeviceId: 'tv' }),
      (s) => setVolume(s, T0, 10),
      403,
      'VOLUME_CONTROL_DISALLOW',
    ],
    ['transfer to an unknown device', playingState(context), (s) => transfer(s, T0, 'nope'), 404, undefined],
    [
      'repeat with no device',
      playingState(context, 0, { activeDeviceId: null, isPlaying: false }),
      (s) => setRepeat(s, T0, 'track'),
      404,
      'NO_ACTIVE_DEVICE',
    ],
    [
      'play with no device',
      playingState(context, 0, { activeDeviceId: null, isPlaying: false }),
      (s) => playNew(s, T0, { source: { context }, startIndex: 0, positionMs: 0, deviceId: null }, model()),
      404,
      'NO_ACTIVE_DEVICE',
    ],
  ];

  it.each(refusals)('refuses %s as Spotify does', (_name, state, command, status, reason) => {
    const outcome = command(state);
    expect('error' in outcome && outcome.error).toMatchObject(reason ? { status, reason } : { status });
  });
});

describe('invariants under any sequence of commands', () => {
  type Step = { gapMs: number; command: number; value: number };
  const step = fc.record({
    gapMs: fc.integer({ min: 0, max: 400_000 }),
    command: fc.integer({ min: 0, max: 11 }),
    value: fc.nat(),
  });

  function apply(state: ListenerState, at: number, s: Step, m: ModelContext): ListenerState {
    const commands: ((st: ListenerState) => Outcome | ListenerState)[] = [
      (st) => skipNext(st, at, m),
      (st) => skipPrevious(st, at),
      (st) => pause(st, at),
      (st) => resume(st, at),
      (st) => seek(st, at, s.value % 400_000, m),
      (st) => setVolume(st, at, s.value % 101),
      (st) => transfer(st, at, s.value % 2 === 0 ? 'phone' : 'tv', s.value % 3 === 0),
      (st) => setShuffle(st, at, s.value % 2 === 0, m),
      (st) => setRepeat(st, at, (['off', 'track', 'context'] as const)[s.value % 3]!),
      (st) => addToQueue(st, at, catalog.tracks[s.value % catalog.tracks.length]!),
      (st) => stop(st, at),
      (st) =>
        playNew(
          st,
          at,
          {
            source: { context },
            startIndex: s.value % context.items.length,
            positionMs: 0,
            deviceId: 'phone',
          },
          m,
        ),
    ];
    const result = commands[s.command]!(state);
    return 'devices' in result ? result : 'state' in result ? result.state : state;
  }

  it('keeps position, context index and device consistent', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.boolean(), (steps, ads) => {
        const m = model({ adChance: ads ? 0.5 : 0, autoplay: true });
        let state = playingState(context);
        let at = T0;
        for (const s of steps) {
          at += s.gapMs;
          const caughtUp = runUntil(state, at, m);
          const next = apply(caughtUp, at, s, m);
          expect(next.itemSeq).toBeGreaterThanOrEqual(state.itemSeq);
          state = next;
          const progress = progressAt(state, at);
          expect(progress).toBeGreaterThanOrEqual(0);
          expect(progress).toBeLessThanOrEqual(durationOf(state.playing));
          if (state.activeDeviceId === null) expect(state.isPlaying).toBe(false);
          const { order, index, items } = state.context;
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThan(order.length);
          expect([...order].sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
          expect(state.history.length).toBeLessThanOrEqual(50);
        }
      }),
      { numRuns: 150 },
    );
  });
});
