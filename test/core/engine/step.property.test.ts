import fc from 'fast-check';
import type { EngineState } from '../../../lib/core/engine/engine-state';
import { flush } from '../../../lib/core/engine/flush';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import type { Observation } from '../../../lib/core/snapshot';
import { hintsArb, observationsArb } from '../arbitraries';
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
  if (last === undefined) return T0;
  return last.kind === 'player' ? last.snapshot.observedAt : last.queue.observedAt;
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
