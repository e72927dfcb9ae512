import fc from 'fast-check';
import type { EngineState } from '../../../lib/core/engine/engine-state';
import { flush } from '../../../lib/core/engine/flush';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import type { Observation, PlayerSnapshot } from '../../../lib/core/snapshot';
import { activeSnapshotArb, hintsArb, observationsArb } from '../arbitraries';
import { T0 } from '../builders';
import { runEngine } from './run-engine';

const SPAN_MS = 300_000;

/** Held volumes and claimed ai hints show up in a few percent of random runs: run enough to meet them. */
const RUNS = { numRuns: 400 };

describe('step properties', () => {
  it('is deterministic: the same inputs give the same outputs', () => {
    fc.assert(
      fc.property(
        observationsArb(25),
        hintsArb(fc.constantFrom('ai', 'user'), SPAN_MS),
        (observations, hints) => {
          expect(runEngine(observations, hints)).toStrictEqual(runEngine(observations, hints));
        },
      ),
      RUNS,
    );
  });

  it('continues from a JSON round trip of its state exactly as from the state itself', () => {
    fc.assert(
      fc.property(
        observationsArb(25),
        observationsArb(15),
        hintsArb(fc.constantFrom('ai', 'user'), SPAN_MS),
        (before, after, hints) => {
          const first = runEngine(before, hints);
          const stored = JSON.parse(JSON.stringify(first.state)) as EngineState;
          expect(stored).toStrictEqual(first.state);
          const later = after.map((observation) => shifted(observation, lastTime(before) - T0));
          const remaining = hints.filter((hint) => !first.consumedHintIds.includes(hint.id));
          const direct = runEngine(later, remaining, DEFAULT_ENGINE_OPTIONS, first.state);
          const resumed = runEngine(later, remaining, DEFAULT_ENGINE_OPTIONS, stored);
          expect(resumed).toStrictEqual(direct);
          expect(flush(stored, Number.POSITIVE_INFINITY, DEFAULT_ENGINE_OPTIONS)).toStrictEqual(
            flush(first.state, Number.POSITIVE_INFINITY, DEFAULT_ENGINE_OPTIONS),
          );
        },
      ),
      RUNS,
    );
  });

  it('is unmoved by an empty item while Spotify switches, wherever one comes', () => {
    const switchingArb = activeSnapshotArb(fc.constant(T0)).chain((snapshot) =>
      fc
        .constantFrom('track' as const, 'episode' as const)
        .map((playingType): PlayerSnapshot => ({ ...snapshot, item: null, playingType })),
    );
    const blipsArb = fc.array(fc.tuple(fc.nat(), switchingArb), { maxLength: 4 });
    fc.assert(
      fc.property(
        observationsArb(25),
        blipsArb,
        hintsArb(fc.constantFrom('ai', 'user'), SPAN_MS),
        (observations, blips, hints) => {
          const withBlips = [...observations];
          for (const [position, blip] of blips) {
            const index = position % (withBlips.length + 1);
            // Seen just before the observation it precedes, so times never go backwards.
            const following = withBlips[index];
            const at = following === undefined ? lastTime(withBlips) : timeOf(following);
            withBlips.splice(index, 0, { kind: 'player', snapshot: { ...blip, observedAt: at } });
          }
          const plain = runEngine(observations, hints);
          const blipped = runEngine(withBlips, hints);
          const end = (state: EngineState) => flush(state, Number.POSITIVE_INFINITY, DEFAULT_ENGINE_OPTIONS);
          expect([...blipped.events, ...end(blipped.state).events]).toStrictEqual([
            ...plain.events,
            ...end(plain.state).events,
          ]);
          expect(blipped.consumedHintIds).toStrictEqual(plain.consumedHintIds);
          expect(blipped.state.player).toStrictEqual(plain.state.player);
        },
      ),
      RUNS,
    );
  });

  it('never says ai without a live ai hint, held volumes included', () => {
    fc.assert(
      fc.property(observationsArb(30), hintsArb(fc.constant('user'), SPAN_MS), (observations, hints) => {
        const expiredAi = {
          id: 'old-ai',
          source: 'ai' as const,
          intent: 'x',
          ttlMs: 1_000,
          recordedAt: T0 - 5_000,
        };
        const run = runEngine(observations, [...hints, expiredAi]);
        const released = flush(run.state, Number.POSITIVE_INFINITY, DEFAULT_ENGINE_OPTIONS).events;
        expect([...run.events, ...released].filter((event) => event.data.source === 'ai')).toEqual([]);
      }),
      RUNS,
    );
  });
});

function lastTime(observations: readonly Observation[]): number {
  const last = observations.at(-1);
  return last === undefined ? T0 : timeOf(last);
}

function timeOf(observation: Observation): number {
  return observation.kind === 'player' ? observation.snapshot.observedAt : observation.queue.observedAt;
}

/** The observation `ms` later, so a second run continues where the first left off. */
function shifted(observation: Observation, ms: number): Observation {
  return observation.kind === 'player'
    ? {
        kind: 'player',
        snapshot: { ...observation.snapshot, observedAt: observation.snapshot.observedAt + ms },
      }
    : { kind: 'queue', queue: { ...observation.queue, observedAt: observation.queue.observedAt + ms } };
}
