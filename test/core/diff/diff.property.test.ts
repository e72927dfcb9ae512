import fc from 'fast-check';
import { diffPlayer } from '../../../lib/core/diff/diff-player';
import { diffQueue } from '../../../lib/core/diff/diff-queue';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import { activeSnapshotArb, queueArb, snapshotArb } from '../arbitraries';
import { T0 } from '../builders';

const atArb = fc.integer({ min: T0, max: T0 + 3_600_000 });

describe('diff properties', () => {
  it('finds nothing between a player snapshot and itself', () => {
    fc.assert(
      fc.property(snapshotArb(atArb), fc.option(queueArb(atArb)), (snapshot, queue) => {
        expect(diffPlayer(snapshot, snapshot, { options: DEFAULT_ENGINE_OPTIONS, queue })).toEqual([]);
      }),
    );
  });

  it('finds nothing between a queue snapshot and itself', () => {
    fc.assert(
      fc.property(queueArb(atArb), fc.boolean(), (queue, playOrderChanged) => {
        const { queueWindowItems } = DEFAULT_ENGINE_OPTIONS;
        expect(diffQueue(queue, queue, { playOrderChanged, queueWindowItems })).toEqual([]);
      }),
    );
  });

  it('finds nothing in ordinary progress at wall-clock speed', () => {
    const progressArb = activeSnapshotArb(atArb)
      .map((snapshot) => ({ ...snapshot, isPlaying: true }))
      .chain((prev) => {
        const duration = prev.item?.durationMs ?? 30_000;
        const start = Math.min(prev.progressMs, duration);
        return fc
          .integer({ min: 0, max: duration - start })
          .map((elapsed) => ({ prev: { ...prev, progressMs: start }, elapsed }));
      });
    fc.assert(
      fc.property(progressArb, fc.option(queueArb(atArb)), ({ prev, elapsed }, queue) => {
        const next = {
          ...prev,
          observedAt: prev.observedAt + elapsed,
          progressMs: prev.progressMs + elapsed,
        };
        expect(diffPlayer(prev, next, { options: DEFAULT_ENGINE_OPTIONS, queue })).toEqual([]);
      }),
    );
  });

  it('reports a queue change with the new length and never an empty edit', () => {
    fc.assert(
      fc.property(queueArb(atArb), queueArb(atArb), fc.integer({ min: 1, max: 10 }), (prev, next, window) => {
        const ctx = { playOrderChanged: false, queueWindowItems: window };
        for (const change of diffQueue(prev, next, ctx)) {
          expect(change.totalItems).toBe(next.items.length);
          if (change.action !== 'cleared') expect(change.items.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
