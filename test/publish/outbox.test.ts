import fc from 'fast-check';
import type { UnpublishedEvent } from '../../lib/contract/events';
import { admit, drain, EMPTY_OUTBOX, isIdle, type Outbox } from '../../lib/publish/outbox';
import type { SendWindow } from '../../lib/publish/send-window';
import { T0 } from '../core/builders';
import { commandExecuted, stateChanged, trackChanged, volumeChanged } from './events';

const WINDOW: SendWindow = { limit: 3, windowMs: 60_000 };

const psc = (position: number) => stateChanged({ position });

/** Names with the position of states, e.g. `S1 V T S2`, to read orders at a glance. */
function names(events: readonly UnpublishedEvent[]): string {
  return events
    .map((event) => {
      if (event.event === 'playbackStateChanged') return `S${event.data.position}`;
      if (event.event === 'volumeChanged') return `V${event.data.volume}`;
      if (event.event === 'trackChanged') return `T${event.data.current.id}`;
      return event.event;
    })
    .join(' ');
}

describe('admit', () => {
  it('sends everything that fits at once, in order, and coalesces nothing then', () => {
    const release = admit(EMPTY_OUTBOX, [psc(1), volumeChanged(10), psc(2)], T0, WINDOW);
    expect(names(release.due)).toBe('S1 V10 S2');
    expect(release).toMatchObject({ coalesced: 0, nextReleaseAt: null });
    expect(release.outbox).toEqual({ sentAt: [T0, T0, T0], pending: [] });
  });

  it('over the limit, keeps only the newest state, in its own place, and delays discrete events', () => {
    const full = admit(EMPTY_OUTBOX, [psc(0), psc(1), psc(2)], T0, WINDOW).outbox;
    const first = admit(full, [trackChanged('a', 'b'), psc(3), volumeChanged(20)], T0 + 1000, WINDOW);
    expect(first.due).toEqual([]);
    expect(names(first.outbox.pending)).toBe('Tb S3 V20');
    expect(first.nextReleaseAt).toBe(T0 + 60_000);
    const second = admit(first.outbox, [psc(4), commandExecuted('pause')], T0 + 2000, WINDOW);
    expect(names(second.outbox.pending)).toBe('Tb V20 S4 commandExecuted');
    expect(second.coalesced).toBe(1);
  });

  it('when the line does not fit, drops superseded states before handing out slots', () => {
    const release = admit(EMPTY_OUTBOX, [psc(0), psc(1), psc(2), volumeChanged(5), psc(3)], T0, WINDOW);
    expect(names(release.due)).toBe('V5 S3');
    expect(release).toMatchObject({ coalesced: 3, nextReleaseAt: null });
  });

  it('hands slots out as the oldest sends leave the window', () => {
    let outbox: Outbox = EMPTY_OUTBOX;
    outbox = admit(outbox, [psc(0)], T0, WINDOW).outbox;
    outbox = admit(outbox, [psc(1), psc(2)], T0 + 10_000, WINDOW).outbox;
    const waiting = admit(
      outbox,
      [volumeChanged(1), volumeChanged(2), volumeChanged(3)],
      T0 + 20_000,
      WINDOW,
    );
    expect(waiting.nextReleaseAt).toBe(T0 + 60_000);
    const one = admit(waiting.outbox, [], T0 + 60_000, WINDOW);
    expect(names(one.due)).toBe('V1');
    expect(one.nextReleaseAt).toBe(T0 + 70_000);
    const rest = admit(one.outbox, [], T0 + 70_000, WINDOW);
    expect(names(rest.due)).toBe('V2 V3');
    expect(rest.nextReleaseAt).toBeNull();
    expect(rest.outbox.sentAt).toEqual([T0 + 60_000, T0 + 70_000, T0 + 70_000]);
  });
});

describe('drain and isIdle', () => {
  it('drain hands over everything waiting, past the limit', () => {
    const full = admit(EMPTY_OUTBOX, [psc(0), psc(1), psc(2)], T0, WINDOW);
    const waiting = admit(full.outbox, [psc(3), volumeChanged(5), psc(4)], T0, WINDOW);
    const drained = drain(waiting.outbox);
    expect(names(drained.due)).toBe('V5 S4');
    expect(drained.outbox.pending).toEqual([]);
  });

  it.each([
    ['empty', true, EMPTY_OUTBOX, T0],
    ['a send still in the window', false, { sentAt: [T0], pending: [] }, T0 + 59_999],
    ['a send out of the window', true, { sentAt: [T0], pending: [] }, T0 + 60_000],
    ['an event waiting', false, { sentAt: [], pending: [psc(0)] }, T0],
  ])('%s: idle %s', (_what, idle, outbox, now) => {
    expect(isIdle(outbox, now, WINDOW)).toBe(idle);
  });
});

interface Arrival {
  at: number;
  event: UnpublishedEvent;
}

/** Runs arrivals through `admit` as the publisher does, releasing waiting events when the window allows. */
function deliver(arrivals: readonly Arrival[], window: SendWindow): Arrival[] {
  let outbox = EMPTY_OUTBOX;
  let nextReleaseAt: number | null = null;
  const delivered: Arrival[] = [];
  const run = (events: UnpublishedEvent[], at: number) => {
    const release = admit(outbox, events, at, window);
    outbox = release.outbox;
    nextReleaseAt = release.nextReleaseAt;
    for (const event of release.due) delivered.push({ at, event });
  };
  const releaseUntil = (at: number) => {
    while (nextReleaseAt !== null && nextReleaseAt <= at) run([], nextReleaseAt);
  };
  for (const arrival of arrivals) {
    releaseUntil(arrival.at);
    run([arrival.event], arrival.at);
  }
  releaseUntil(Number.POSITIVE_INFINITY);
  return delivered;
}

const eventArb: fc.Arbitrary<UnpublishedEvent> = fc.oneof(
  { weight: 4, arbitrary: fc.nat(1000).map(psc) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((v) => volumeChanged(v)) },
  { weight: 1, arbitrary: fc.constantFrom('b', 'c').map((to) => trackChanged('a', to)) },
);

const arrivalsArb = fc.array(fc.tuple(fc.nat(3000), eventArb), { maxLength: 120 }).map((pairs) => {
  let at = T0;
  return pairs.map(([gap, event]) => ({ at: (at += gap), event: { ...event } }) as Arrival);
});

const windowArb = fc.record({
  limit: fc.integer({ min: 1, max: 20 }),
  windowMs: fc.integer({ min: 1000, max: 60_000 }),
});

describe('the outbound limit, for any arrivals', () => {
  it('delivers a subsequence of what was published: every discrete event and the last state, in order', () => {
    fc.assert(
      fc.property(arrivalsArb, windowArb, (arrivals, window) => {
        const delivered = deliver(arrivals, window).map((d) => d.event);
        const published = arrivals.map((a) => a.event);
        let cursor = 0;
        for (const event of delivered) {
          cursor = published.indexOf(event, cursor) + 1;
          expect(cursor).toBeGreaterThan(0);
        }
        const discrete = published.filter((e) => e.event !== 'playbackStateChanged');
        expect(delivered.filter((e) => e.event !== 'playbackStateChanged')).toEqual(discrete);
        const lastState = published.findLast((e) => e.event === 'playbackStateChanged');
        expect(delivered.findLast((e) => e.event === 'playbackStateChanged')).toBe(lastState);
      }),
    );
  });

  it('never sends more than the limit in any window, nor anything before it was published', () => {
    fc.assert(
      fc.property(arrivalsArb, windowArb, (arrivals, window) => {
        const delivered = deliver(arrivals, window);
        const times = delivered.map((d) => d.at);
        for (let i = 0; i + window.limit < times.length; i++) {
          expect((times[i + window.limit] as number) - (times[i] as number)).toBeGreaterThanOrEqual(
            window.windowMs,
          );
        }
        for (const { at, event } of delivered) {
          expect(at).toBeGreaterThanOrEqual((arrivals.find((a) => a.event === event) as Arrival).at);
        }
      }),
    );
  });

  it('delays and drops nothing while under the limit', () => {
    fc.assert(
      fc.property(arrivalsArb, windowArb, (arrivals, window) => {
        fc.pre(arrivals.length <= window.limit);
        expect(deliver(arrivals, window)).toEqual(arrivals);
      }),
    );
  });
});
