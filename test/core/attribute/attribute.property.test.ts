import fc from 'fast-check';
import { attribute } from '../../../lib/core/attribute/attribute';
import { diffPlayer } from '../../../lib/core/diff/diff-player';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import { isHintLive } from '../../../lib/core/hint';
import { hintsArb, queueArb, snapshotArb } from '../arbitraries';
import { T0 } from '../builders';

const SPAN_MS = 60_000;
const atArb = fc.integer({ min: T0, max: T0 + SPAN_MS });
const sourceArb = fc.constantFrom('ai' as const, 'user' as const);

describe('attribute properties', () => {
  it('never says ai unless an ai hint live at the observation claimed a change', () => {
    fc.assert(
      fc.property(
        snapshotArb(atArb),
        snapshotArb(atArb),
        fc.option(queueArb(atArb)),
        hintsArb(sourceArb, SPAN_MS),
        (prev, next, queue, hints) => {
          const changes = diffPlayer(prev, next, { options: DEFAULT_ENGINE_OPTIONS, queue });
          const { events, consumedHintIds } = attribute(changes, hints, { observedAt: next.observedAt });
          const claimedAi = hints.some(
            (hint) =>
              hint.source === 'ai' && consumedHintIds.includes(hint.id) && isHintLive(hint, next.observedAt),
          );
          if (!claimedAi) expect(events.filter((event) => event.data.source === 'ai')).toEqual([]);
          for (const event of events) expect(event.data.timestamp).toBe(next.observedAt);
        },
      ),
    );
  });

  it('consumes only live hints, each at most once', () => {
    fc.assert(
      fc.property(
        snapshotArb(atArb),
        snapshotArb(atArb),
        hintsArb(sourceArb, SPAN_MS),
        (prev, next, hints) => {
          const changes = diffPlayer(prev, next, { options: DEFAULT_ENGINE_OPTIONS, queue: null });
          const { consumedHintIds } = attribute(changes, hints, { observedAt: next.observedAt });
          expect(new Set(consumedHintIds).size).toBe(consumedHintIds.length);
          for (const id of consumedHintIds) {
            expect(
              isHintLive(
                hints.find((hint) => hint.id === id)!,
                next.observedAt,
              ),
            ).toBe(true);
          }
        },
      ),
    );
  });
});
