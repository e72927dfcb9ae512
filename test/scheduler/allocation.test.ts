import fc from 'fast-check';
import type { Allocation, PlaybackMode, UserSchedule } from '../../lib/scheduler';
import {
  DEFAULT_SCHEDULER_TUNING,
  allocate,
  afterPlayerPoll,
  cadenceIntervalMs,
  endPollRatePerMs,
  meanDelayMs,
  newUserSchedule,
  optimalMeanDelayMs,
  planNextPoll,
  pollRatePerMs,
  pollsPerHour,
} from '../../lib/scheduler';
import { SeededRandom } from '../../lib/random/random';
import { T0, player, track } from '../core/builders';
import { NOTHING_SEEN, polledOnce, tuned, uniformRates, withKnownRates } from './schedule-kit';

const MODES: readonly PlaybackMode[] = ['playing', 'paused', 'no_device'];

/** Cadence polls per window the allocation's rates add up to: each user's player polls less end polls. */
function cadencePerWindow(users: readonly UserSchedule[], allocation: Allocation, windowMs: number): number {
  return users.reduce((sum, user) => {
    const ends = allocation.endPolls ? endPollRatePerMs(user) : 0;
    return sum + windowMs * (pollRatePerMs(user, allocation, DEFAULT_SCHEDULER_TUNING) - ends);
  }, 0);
}

/**
 * Player polls over one item of `durationMs` played from its start to its end, as `planNextPoll` plans them
 * under `allocation`: the cadence polls and the natural-end poll.
 */
function pollsOverItem(durationMs: number, allocation: Allocation): number {
  const tuning = DEFAULT_SCHEDULER_TUNING;
  const item = track('a', durationMs);
  const start = withKnownRates(uniformRates(20));
  let user: UserSchedule = { ...polledOnce(player({ item, progressMs: 0 })), rates: start.rates, jitter: 0 };
  for (let polls = 1; ; polls++) {
    const next = planNextPoll(user, allocation, user.lastPollAt!, tuning).player;
    if (next.reason !== 'cadence') return polls;
    const snapshot = player({ observedAt: next.at, item, progressMs: next.at - T0 });
    const seen = afterPlayerPoll(user, { snapshot, ...NOTHING_SEEN }, tuning, new SeededRandom('item'));
    // Known rates: neither the long run nor the recent activity learns from these polls.
    user = { ...seen, rates: start.rates, activity: start.activity, jitter: 0 };
  }
}

const userArb = fc
  .record({
    perHour: fc.double({ min: 0.05, max: 500, noNaN: true }),
    mode: fc.constantFrom(...MODES),
    endsInMs: fc.option(fc.integer({ min: 0, max: 200_000 })),
  })
  .map(({ perHour, mode, endsInMs }) => {
    const user = withKnownRates(uniformRates(perHour), mode);
    if (endsInMs === null || mode !== 'playing') return user;
    const snapshot = player({ item: track('x', 200_000), progressMs: 200_000 - endsInMs });
    return { ...polledOnce(snapshot), rates: user.rates };
  });

describe('allocate', () => {
  it('never plans more requests per window than the share it was given', () => {
    fc.assert(
      fc.property(
        fc.array(userArb, { maxLength: 60 }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (users, share) => {
          const tuning = DEFAULT_SCHEDULER_TUNING;
          const allocation = allocate(users, share, T0, tuning);
          const cadence = cadencePerWindow(users, allocation, tuning.windowMs);
          const { plan, limits } = allocation;
          expect(cadence).toBeCloseTo(plan.cadencePolls, 6);
          expect(plan.endPolls + plan.queuePolls + cadence).toBeLessThanOrEqual(share * (1 + 1e-9));
          expect(plan.queuePolls + cadence).toBeLessThanOrEqual(limits.deferrable * (1 + 1e-9));
          expect(limits.deferrable + plan.urgentReserve).toBe(limits.total);
          expect(limits.total).toBeLessThanOrEqual(share);
        },
      ),
    );
  });

  it('with known rates, comes within 1% of the square-root-law optimum for the same polls', () => {
    const random = fc.sample(fc.double({ min: 0.5, max: 200, noNaN: true }), { numRuns: 40, seed: 7 });
    const users = random.map((perHour) => withKnownRates(uniformRates(perHour)));
    const tuning = tuned({ playingMinIntervalMs: 1, playingMaxIntervalMs: 10_000_000 });
    const allocation = allocate(users, 40, T0, tuning);
    const listeners = users.map((user, i) => ({
      changesPerHour: random[i]!,
      intervalMs: cadenceIntervalMs(user, allocation, tuning),
    }));
    const optimum = optimalMeanDelayMs(random, pollsPerHour(listeners));
    expect(meanDelayMs(listeners) / optimum).toBeLessThan(1.01);
    expect(meanDelayMs(listeners) / optimum).toBeGreaterThanOrEqual(1 - 1e-9);
  });

  it('stretches intervals by √λ when the budget is short, not all alike', () => {
    const calm = withKnownRates(uniformRates(4), 'paused');
    const busy = withKnownRates(uniformRates(64), 'paused');
    const allocation = allocate([calm, busy, calm, busy], 2, T0, DEFAULT_SCHEDULER_TUNING);
    expect(allocation.maxIntervalsHold).toBe(false);
    const ratio =
      cadenceIntervalMs(calm, allocation, DEFAULT_SCHEDULER_TUNING) /
      cadenceIntervalMs(busy, allocation, DEFAULT_SCHEDULER_TUNING);
    expect(ratio).toBeCloseTo(4, 9);
  });

  it('keeps every user within their maximum interval when the budget pays for it', () => {
    const users = [withKnownRates(uniformRates(0.01)), withKnownRates(uniformRates(500), 'paused')];
    const tuning = DEFAULT_SCHEDULER_TUNING;
    const allocation = allocate(users, 5, T0, tuning);
    expect(allocation.maxIntervalsHold).toBe(true);
    expect(cadenceIntervalMs(users[0]!, allocation, tuning)).toBeCloseTo(tuning.playingMaxIntervalMs, 6);
    expect(cadenceIntervalMs(users[1]!, allocation, tuning)).toBeGreaterThanOrEqual(
      tuning.pausedMinIntervalMs,
    );
  });

  it('puts everyone at their minimum interval when the share is more than they can use', () => {
    const users = MODES.map((mode) => withKnownRates(uniformRates(10), mode));
    const tuning = DEFAULT_SCHEDULER_TUNING;
    const allocation = allocate(users, 100_000, T0, tuning);
    expect(users.map((user) => cadenceIntervalMs(user, allocation, tuning))).toEqual([
      tuning.playingMinIntervalMs,
      tuning.pausedMinIntervalMs,
      tuning.noDeviceMinIntervalMs,
    ]);
  });

  const ending = (inMs: number) =>
    polledOnce(player({ item: track('a', 180_000), progressMs: 180_000 - inMs }));

  it('reserves one urgent poll per natural end predicted within the window, and room for their ups and downs', () => {
    const users = [ending(5_000), ending(20_000), ending(120_000), polledOnce(player({ isPlaying: false }))];
    const allocation = allocate(users, 100, T0, DEFAULT_SCHEDULER_TUNING);
    expect(allocation.endPolls).toBe(true);
    expect(allocation.plan.endPolls).toBe(2);
    // 2 ends + 2·√2 of headroom, rounded up.
    expect(allocation.plan.urgentReserve).toBe(5);
    expect(allocation.limits).toEqual({ total: 100, deferrable: 95, deferrableSpacingMs: 30_000 / 95 });
  });

  it('keeps more headroom the more natural ends are due, never more than headroomFraction', () => {
    const reserve = (ends: number, share: number) =>
      allocate(
        Array.from({ length: ends }, () => ending(5_000)),
        share,
        T0,
        DEFAULT_SCHEDULER_TUNING,
      ).plan.urgentReserve;
    expect(reserve(16, 1000)).toBe(16 + 8);
    expect(reserve(16, 40)).toBe(16 + 4);
  });

  it.each<[string, (user: UserSchedule) => UserSchedule]>([
    ['a user not polled yet', () => newUserSchedule()],
    ['a hint poll due', (user) => ({ ...user, hintPollDue: true })],
    ['a hinted change followed', (user) => ({ ...user, followPlayerUntil: T0 + 2000 })],
    [
      'a hinted queue change followed',
      (user) => ({ ...user, queue: { ...user.queue, followUntil: T0 + 2000 } }),
    ],
    [
      'a queue poll owed to a hint',
      (user) => ({ ...user, queue: { ...user.queue, owed: { reason: 'hint', since: T0 } } }),
    ],
  ])('keeps the whole headroom while urgent polls are coming: %s', (_name, urgent) => {
    const users = [ending(5_000), ending(20_000), urgent(ending(120_000))];
    const allocation = allocate(users, 100, T0, DEFAULT_SCHEDULER_TUNING);
    expect(allocation.plan.urgentReserve).toBe(12);
  });

  it('lets the cadence spend the headroom once a fast-follow is over', () => {
    const followed = { ...ending(120_000), followPlayerUntil: T0 - 1 };
    const allocation = allocate([ending(5_000), followed], 100, T0, DEFAULT_SCHEDULER_TUNING);
    expect(allocation.plan.urgentReserve).toBe(3);
  });

  it('keeps less than two requests of headroom when that is all the headroom there is', () => {
    const allocation = allocate([polledOnce(player({ isPlaying: false }))], 10, T0, DEFAULT_SCHEDULER_TUNING);
    expect(allocation.plan.urgentReserve).toBe(1);
  });

  it.each([
    ['their end polls alone', 5, 200_000],
    ['a few cadence polls on top', 40, 200_000],
    ['many cadence polls on top', 400, 200_000],
    ['short items', 40, 45_000],
  ])('gives a playing user the polls planned, end polls included: %s', (_name, share, durationMs) => {
    // The allocation is made for items of `durationMs`; over items whose end falls anywhere between two
    // cadence polls, cadence and end polls together come at the rate it planned.
    const others = Array.from({ length: 20 }, (_, i) => withKnownRates(uniformRates(1 + i), 'paused'));
    const mine = { ...polledOnce(player({ item: track('a', durationMs), progressMs: 0 })), jitter: 0 };
    const user = { ...mine, rates: withKnownRates(uniformRates(20)).rates };
    const tuning = DEFAULT_SCHEDULER_TUNING;
    const allocation = allocate([user, ...others], share, T0, tuning);
    const planned = pollRatePerMs(user, allocation, tuning);
    const lengths = Array.from({ length: 400 }, (_, i) => durationMs * (0.8 + (0.4 * i) / 400));
    const polls = lengths.reduce((sum, length) => sum + pollsOverItem(length, allocation), 0);
    const played = lengths.reduce((sum, length) => sum + length, 0);
    expect(polls / played / planned).toBeCloseTo(1, 1);
    expect(planned).toBeGreaterThanOrEqual(1 / durationMs);
  });

  it('plans no cadence for a playing user whose end polls pay for all the polls they get', () => {
    const playing = {
      ...polledOnce(player({ item: track('a', 200_000) })),
      rates: withKnownRates(uniformRates(1)).rates,
    };
    const busy = Array.from({ length: 100 }, () => withKnownRates(uniformRates(100), 'paused'));
    const tuning = DEFAULT_SCHEDULER_TUNING;
    const allocation = allocate([playing, ...busy], 12, T0, tuning);
    expect(allocation.maxIntervalsHold).toBe(false);
    expect(pollRatePerMs(playing, allocation, tuning)).toBeCloseTo(1 / 200_000, 12);
    expect(cadenceIntervalMs(playing, allocation, tuning)).toBeGreaterThan(200_000);
    expect(allocation.plan.cadencePolls).toBeCloseTo(cadencePerWindow(busy, allocation, tuning.windowMs), 6);
  });

  it('gives up natural-end polls when ends come faster than the share can pay for', () => {
    const playingShortItems = Array.from({ length: 50 }, () =>
      polledOnce(player({ item: track('a', 30_000), progressMs: 0 })),
    );
    const allocation = allocate(playingShortItems, 10, T0, DEFAULT_SCHEDULER_TUNING);
    expect(allocation.endPolls).toBe(false);
    expect(allocation.plan.endPolls).toBe(0);
  });

  it('stretches the queue timers so the queue stays within its share', () => {
    const users = Array.from({ length: 200 }, () => polledOnce());
    const tuning = DEFAULT_SCHEDULER_TUNING;
    const allocation = allocate(users, 20, T0, tuning);
    expect(allocation.queueMinIntervalMs).toBeGreaterThan(tuning.queueMinIntervalMs);
    expect(allocation.queueSlowIntervalMs).toBeGreaterThanOrEqual(allocation.queueMinIntervalMs);
    expect(allocation.plan.queuePolls).toBeLessThanOrEqual(
      tuning.queueShareMax * tuning.paceUtilization * allocation.limits.deferrable + 1e-9,
    );
  });

  it('gives a user nobody has polled yet a cadence from the prior', () => {
    const allocation = allocate([], 100, T0, DEFAULT_SCHEDULER_TUNING);
    const interval = cadenceIntervalMs(newUserSchedule(), allocation, DEFAULT_SCHEDULER_TUNING);
    expect(interval).toBeGreaterThanOrEqual(DEFAULT_SCHEDULER_TUNING.playingMinIntervalMs);
    expect(interval).toBeLessThanOrEqual(DEFAULT_SCHEDULER_TUNING.playingMaxIntervalMs);
  });

  it.each([0, 0.5, -3, NaN, Infinity])('refuses a share of %p', (share) => {
    expect(() => allocate([], share, T0, DEFAULT_SCHEDULER_TUNING)).toThrow(
      `allocate: pollsPerWindow must be a finite number >= 1, got ${share}`,
    );
  });

  it('spends on cadence what is left after the reserves', () => {
    const users = Array.from({ length: 30 }, (_, i) => withKnownRates(uniformRates(1 + i)));
    const allocation = allocate(users, 100, T0, DEFAULT_SCHEDULER_TUNING);
    const { plan, limits } = allocation;
    expect(plan.cadencePolls + plan.queuePolls).toBeCloseTo(
      DEFAULT_SCHEDULER_TUNING.paceUtilization * limits.deferrable,
      6,
    );
  });
});
