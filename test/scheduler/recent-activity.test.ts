import fc from 'fast-check';
import type { UserSchedule } from '../../lib/scheduler';
import { afterPlayerPoll, listenerRatePerMs } from '../../lib/scheduler';
import { SeededRandom } from '../../lib/random/random';
import type { RecentActivity } from '../../lib/scheduler/recent-activity';
import { RECENT_MEMORY_MS, USUAL_ACTIVITY, recordActivity } from '../../lib/scheduler/recent-activity';
import { later, player } from '../core/builders';
import { HOUR_MS, NOTHING_SEEN, tuned, withKnownRates } from './schedule-kit';

/** `gaps` gaps of `gapMs`, each expecting `expected` changes, every `every`-th with a change (0: none). */
function spell(from: RecentActivity, gaps: number, gapMs: number, expected: number, every: number) {
  let activity = from;
  for (let i = 1; i <= gaps; i++)
    activity = recordActivity(activity, gapMs, expected, every > 0 && i % every === 0);
  return activity;
}

describe('the recent-activity factor', () => {
  it('is 1 (the long-run rates) before any evidence', () => {
    expect(USUAL_ACTIVITY.factor).toBe(1);
  });

  // Long-run rate 30/h polled every 10 s: each gap expects 1/12 change.
  it.each([
    ['a burst: a change in every other gap for 2 min (six times the usual)', 12, 2, 2.5, 6],
    ['a burst at three times the usual (a change every fourth gap for 4 min)', 24, 4, 1.6, 3],
    ['as usual: a change every twelfth gap for 5 min', 30, 12, 0.7, 1.3],
    ['a quiet spell: nothing for 5 min (2.5 changes expected)', 30, 0, 0.3, 0.6],
  ])('%s', (_name, gaps, every, low, high) => {
    const factor = spell(USUAL_ACTIVITY, gaps, 10_000, 1 / 12, every).factor;
    expect(factor).toBeGreaterThan(low);
    expect(factor).toBeLessThan(high);
  });

  it('does not double the rate for one change after a quiet spell', () => {
    const quiet = spell(USUAL_ACTIVITY, 30, 10_000, 1 / 12, 0);
    const once = recordActivity(quiet, 10_000, 1 / 12, true);
    expect(once.factor).toBeGreaterThan(quiet.factor);
    expect(once.factor).toBeLessThan(2 * quiet.factor);
  });

  it('forgets a burst within a few memories of quiet', () => {
    const burst = spell(USUAL_ACTIVITY, 12, 10_000, 1 / 12, 2);
    const after = spell(burst, (3 * RECENT_MEMORY_MS) / 10_000, 10_000, 1 / 12, 12);
    expect(burst.factor).toBeGreaterThan(2.5);
    expect(after.factor).toBeGreaterThan(0.7);
    expect(after.factor).toBeLessThan(1.3);
  });

  it('does not let one gap longer than the memory outweigh it', () => {
    const long = recordActivity(USUAL_ACTIVITY, 4 * RECENT_MEMORY_MS, 4, false);
    // Counted in full, 4 expected changes against a prior of 2 would give 1/3; discounted, 1 − e^(−4) of one.
    expect(long.quiet).toBeCloseTo(1 - Math.exp(-4), 9);
    expect(long.factor).toBeGreaterThan(0.6);
  });

  it('is higher after a gap with a change than after the same gap without, whatever came before', () => {
    const gapMs = fc.integer({ min: 250, max: 600_000 });
    const expected = fc.double({ min: 1e-4, max: 20, noNaN: true });
    const history = fc.array(fc.tuple(gapMs, expected, fc.boolean()), { maxLength: 30 });
    fc.assert(
      fc.property(history, gapMs, expected, (past, nextGap, nextExpected) => {
        const before = past.reduce<RecentActivity>(
          (activity, [gap, x, changed]) => recordActivity(activity, gap, x, changed),
          USUAL_ACTIVITY,
        );
        const changed = recordActivity(before, nextGap, nextExpected, true).factor;
        const quiet = recordActivity(before, nextGap, nextExpected, false).factor;
        return changed > quiet && quiet > 0 && Number.isFinite(changed);
      }),
    );
  });
});

describe('recent activity in the schedule', () => {
  const tuning = tuned();

  /** Polls `user` `count` times `gapMs` apart, each seeing a change or not. */
  function polls(user: UserSchedule, count: number, gapMs: number, sawUnpredictableChange: boolean) {
    let schedule = user;
    let snapshot = player();
    for (let i = 0; i < count; i++) {
      snapshot = later(snapshot, gapMs, { progressMs: 0 });
      const outcome = { snapshot, ...NOTHING_SEEN, sawUnpredictableChange };
      schedule = afterPlayerPoll(schedule, outcome, tuning, new SeededRandom(`poll-${i}`));
    }
    return schedule;
  }

  it('scales the rate the scheduler uses in every state, beyond what the long run learned', () => {
    const user = withKnownRates({ playing: 20, paused: 30, no_device: 6 });
    const busy = polls(user, 6, 10_000, true);
    const factor = busy.activity.factor;
    expect(factor).toBeGreaterThan(2);
    for (const mode of ['paused', 'no_device'] as const) {
      expect(listenerRatePerMs(busy, mode, tuning) / listenerRatePerMs(user, mode, tuning)).toBeCloseTo(
        factor,
        9,
      );
    }
    // In the state it learned in, on top of what the long run learned from the same changes.
    expect(listenerRatePerMs(busy, 'playing', tuning)).toBeCloseTo(
      (busy.rates.playing.ratePerMs as number) * factor,
      15,
    );
    expect((busy.rates.playing.ratePerMs as number) * HOUR_MS).toBeGreaterThan(20);
  });

  it('learns nothing from a gap longer than rateMaxGapMs', () => {
    const user = withKnownRates({ playing: 20, paused: 30, no_device: 6 });
    expect(polls(user, 1, tuning.rateMaxGapMs + 1, true).activity).toEqual(user.activity);
  });
});
