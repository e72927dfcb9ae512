import fc from 'fast-check';
import type { PlaybackItem } from '../../lib/contract/items';
import type { Hint, HintExpectation } from '../../lib/core/hint';
import type { DeviceInfo, Observation, PlayerSnapshot, QueueSnapshot } from '../../lib/core/snapshot';
import { inactiveSnapshot } from '../../lib/core/snapshot';
import { T0, episode, track } from './builders';

/**
 * fast-check arbitraries for the core's inputs, drawn from small pools (a few items, devices, contexts) so
 * random sequences keep hitting the same items and hints actually match.
 */

/** Plain objects, so a JSON round trip gives back strictly equal data. */
const PLAIN = { noNullPrototype: true } as const;

const ITEMS: readonly PlaybackItem[] = [
  track('a'),
  track('b', 30_000),
  track('s', 10_000),
  track('c'),
  episode('e', 120_000),
];
const CONTEXTS = ['spotify:playlist:p', 'spotify:album:q', null] as const;

export const itemArb: fc.Arbitrary<PlaybackItem> = fc.constantFrom(...ITEMS);

export const deviceArb: fc.Arbitrary<DeviceInfo> = fc.record(
  {
    id: fc.constantFrom('phone-id', 'speaker-id', null),
    name: fc.constantFrom('Phone', 'Kitchen'),
    type: fc.constant('Smartphone'),
    volume: fc.constantFrom(null, 0, 30, 50, 100),
  },
  PLAIN,
);

const playingArb = fc.oneof(
  { weight: 6, arbitrary: itemArb.map((item) => ({ item, playingType: item.type })) },
  { weight: 1, arbitrary: fc.constant({ item: null, playingType: 'ad' as const }) },
  { weight: 1, arbitrary: fc.constant({ item: null, playingType: 'unknown' as const }) },
);

/** An active snapshot at `observedAt`; progress may run a little past the item's end, as Spotify's does. */
export function activeSnapshotArb(observedAt: fc.Arbitrary<number>): fc.Arbitrary<PlayerSnapshot> {
  return fc
    .record(
      {
        observedAt,
        playing: playingArb,
        progressFraction: fc.double({ min: 0, max: 1.02, noNaN: true }),
        isPlaying: fc.boolean(),
        device: fc.option(deviceArb, { freq: 8 }),
        shuffle: fc.boolean(),
        repeat: fc.constantFrom('off' as const, 'track' as const, 'context' as const),
        contextUri: fc.constantFrom(...CONTEXTS),
      },
      PLAIN,
    )
    .map(({ playing, progressFraction, ...rest }) => ({
      ...rest,
      active: true,
      item: playing.item,
      playingType: playing.playingType,
      progressMs: Math.round(progressFraction * (playing.item?.durationMs ?? 30_000)),
    }));
}

export function snapshotArb(observedAt: fc.Arbitrary<number>): fc.Arbitrary<PlayerSnapshot> {
  return fc.oneof(
    { weight: 6, arbitrary: activeSnapshotArb(observedAt) },
    { weight: 1, arbitrary: observedAt.map((at) => inactiveSnapshot(at)) },
  );
}

export function queueArb(observedAt: fc.Arbitrary<number>): fc.Arbitrary<QueueSnapshot> {
  return fc.record(
    {
      observedAt,
      currentUri: fc.option(
        itemArb.map((item) => item.uri),
        { freq: 6 },
      ),
      items: fc.array(itemArb, { maxLength: 8 }),
    },
    PLAIN,
  );
}

const expectationArb: fc.Arbitrary<HintExpectation> = fc.record(
  {
    trackUri: itemArb.map((item) => item.uri),
    contextUri: fc.constantFrom('spotify:playlist:p', 'spotify:album:q'),
    isPlaying: fc.boolean(),
    volume: fc.constantFrom(0, 30, 50, 100),
    deviceId: fc.constantFrom('phone-id', 'speaker-id'),
    queueAdded: fc.array(
      itemArb.map((item) => item.uri),
      { minLength: 1, maxLength: 2 },
    ),
  },
  { requiredKeys: [], ...PLAIN },
);

/** Hints recorded around `T0 .. T0 + spanMs`, with ids `h0`, `h1`, … */
export function hintsArb(sources: fc.Arbitrary<'ai' | 'user'>, spanMs: number): fc.Arbitrary<Hint[]> {
  return fc
    .array(
      fc.record(
        {
          source: sources,
          intent: fc.constant('test'),
          expect: expectationArb,
          reasoning: fc.constant('because'),
          isAIDiscovery: fc.boolean(),
          ttlMs: fc.integer({ min: 1, max: 30_000 }),
          recordedAt: fc.integer({ min: T0 - 30_000, max: T0 + spanMs }),
          announced: fc.boolean(),
        },
        { requiredKeys: ['source', 'intent', 'ttlMs', 'recordedAt'], ...PLAIN },
      ),
      { maxLength: 5 },
    )
    .map((hints) => hints.map((hint, index) => ({ ...hint, id: `h${index}` })));
}

/** Observations at increasing times from `T0`, mostly player ones. */
export function observationsArb(maxLength: number): fc.Arbitrary<Observation[]> {
  const gapArb = fc.integer({ min: 0, max: 20_000 });
  const kindArb = fc.oneof(
    {
      weight: 4,
      arbitrary: snapshotArb(fc.constant(0)).map((snapshot) => ({ kind: 'player' as const, snapshot })),
    },
    { weight: 1, arbitrary: queueArb(fc.constant(0)).map((queue) => ({ kind: 'queue' as const, queue })) },
  );
  return fc.array(fc.tuple(gapArb, kindArb), { maxLength }).map((steps) => {
    let at = T0;
    return steps.map(([gap, observation]): Observation => {
      at += gap;
      return observation.kind === 'player'
        ? { kind: 'player', snapshot: { ...observation.snapshot, observedAt: at } }
        : { kind: 'queue', queue: { ...observation.queue, observedAt: at } };
    });
  });
}
