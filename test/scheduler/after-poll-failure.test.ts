import fc from 'fast-check';
import type { PollFailureKind, UserSchedule } from '../../lib/scheduler';
import {
  DEFAULT_SCHEDULER_TUNING,
  afterPlayerPoll,
  afterPollFailure,
  afterQueuePoll,
  backoffDelayMs,
  onHint,
} from '../../lib/scheduler';
import { SeededRandom } from '../../lib/random/random';
import { T0, hint, later, player } from '../core/builders';
import { NOTHING_SEEN, polledOnce, tuned } from './schedule-kit';

const tuning = DEFAULT_SCHEDULER_TUNING;

/** Fails `count` player polls in a row, one a second after the previous backoff; returns the delays drawn. */
function failInARow(
  kind: PollFailureKind,
  count: number,
  seed: string,
): { user: UserSchedule; delays: number[] } {
  const random = new SeededRandom(seed);
  let user = polledOnce();
  const delays: number[] = [];
  let at = T0 + 1000;
  for (let i = 0; i < count; i++) {
    user = afterPollFailure(user, { endpoint: 'player', kind, at }, tuning, random);
    delays.push(user.backoff!.until - at);
    at = user.backoff!.until;
  }
  return { user, delays };
}

describe('backoff after 5xx and timeouts', () => {
  it.each(['upstream', 'timeout'] as const)('grows with jitter after %s failures, up to the cap', (kind) => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const { delays } = failInARow(kind, 10, seed);
        delays.forEach((delay, i) => {
          const nominal = Math.min(tuning.backoffMaxMs, tuning.backoffBaseMs * 2 ** i);
          expect(delay).toBeGreaterThan(nominal * (1 - tuning.backoffJitterFraction));
          expect(delay).toBeLessThanOrEqual(nominal);
        });
        // Below the cap, with at most half cut off, a doubled delay is never shorter than the one before.
        delays.slice(1).forEach((delay, i) => {
          if (tuning.backoffBaseMs * 2 ** (i + 1) <= tuning.backoffMaxMs) {
            expect(delay).toBeGreaterThanOrEqual(delays[i]! * (1 - 1e-12));
          }
        });
      }),
      { numRuns: 50 },
    );
  });

  it('spreads users who fail at the same moment', () => {
    const delays = ['a', 'b', 'c', 'd'].map((seed) => failInARow('upstream', 3, seed).delays[2]);
    expect(new Set(delays).size).toBe(4);
  });

  it('draws nothing random when the jitter is off', () => {
    const exact = tuned({ backoffJitterFraction: 0 });
    expect(backoffDelayMs(3, exact, new SeededRandom('x'))).toBe(4000);
    expect(backoffDelayMs(30, exact, new SeededRandom('x'))).toBe(exact.backoffMaxMs);
  });

  it('resets on the next success, of either endpoint', () => {
    const { user } = failInARow('timeout', 4, 'reset');
    const afterPlayer = afterPlayerPoll(
      user,
      { snapshot: later(player(), 60_000), ...NOTHING_SEEN },
      tuning,
      new SeededRandom('r'),
    );
    expect(afterPlayer.backoff).toBeNull();
    expect(afterQueuePoll(user, { observedAt: T0 + 60_000, sawExpectedChange: false }).backoff).toBeNull();
  });
});

describe('other failures', () => {
  it('leaves the schedule alone on a 429: the loop owns the shared cooldown', () => {
    const user = onHint(polledOnce(), hint('h', { recordedAt: T0 + 100 }), T0 + 100, tuning);
    const failure = { endpoint: 'player', kind: 'rate_limited', at: T0 + 200 } as const;
    expect(afterPollFailure(user, failure, tuning, new SeededRandom('x'))).toBe(user);
  });

  it('counts a malformed player body as a poll made, without backoff', () => {
    const user = onHint(polledOnce(), hint('h', { recordedAt: T0 + 100 }), T0 + 100, tuning);
    const next = afterPollFailure(
      user,
      { endpoint: 'player', kind: 'malformed', at: T0 + 300 },
      tuning,
      new SeededRandom('x'),
    );
    expect(next).toMatchObject({ lastPollAt: T0 + 300, hintPollDue: false, backoff: null });
    expect(next.lastObservedAt).toBe(T0);
  });

  it('drops an owed queue poll after a malformed queue body, and keeps it for a retry after a 5xx', () => {
    const owed = {
      ...polledOnce(),
      queue: { lastPollAt: T0, owed: { reason: 'track_change', since: T0 }, followUntil: null },
    } as const;
    const random = new SeededRandom('q');
    const malformed = afterPollFailure(
      owed,
      { endpoint: 'queue', kind: 'malformed', at: T0 + 5 },
      tuning,
      random,
    );
    expect(malformed.queue).toEqual({ lastPollAt: T0 + 5, owed: null, followUntil: null });
    const upstream = afterPollFailure(
      owed,
      { endpoint: 'queue', kind: 'upstream', at: T0 + 5 },
      tuning,
      random,
    );
    expect(upstream.queue.owed).toEqual(owed.queue.owed);
    expect(upstream.backoff?.failures).toBe(1);
  });

  it('is deterministic for a seed', () => {
    expect(failInARow('upstream', 6, 'same').delays).toEqual(failInARow('upstream', 6, 'same').delays);
  });
});
