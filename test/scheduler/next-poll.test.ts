import type { Allocation, UserSchedule } from '../../lib/scheduler';
import {
  DEFAULT_SCHEDULER_TUNING,
  afterPlayerPoll,
  afterPollFailure,
  afterQueuePoll,
  allocate,
  cadenceIntervalMs,
  endPollRatePerMs,
  listenerRatePerMs,
  modeOf,
  newUserSchedule,
  planNextPoll,
} from '../../lib/scheduler';
import { SeededRandom } from '../../lib/random/random';
import { T0, later, player, track } from '../core/builders';
import { NOTHING_SEEN, polledOnce, snapshotIn } from './schedule-kit';

const tuning = DEFAULT_SCHEDULER_TUNING;
const random = new SeededRandom('next-poll');

/**
 * An allocation under which `user` has a cadence of exactly `intervalMs` (jitter aside), or the longest their
 * item's end polls allow: the allocation shares out player polls, end polls included (see
 * `cadenceIntervalMs`).
 */
function allocationWith(
  user: UserSchedule,
  intervalMs: number,
  overrides: Partial<Allocation> = {},
): Allocation {
  const rate = listenerRatePerMs(user, modeOf(user.playback), tuning);
  const base = { ...allocate([user], 100, T0, tuning), maxIntervalsHold: false, ...overrides };
  const ends = base.endPolls ? endPollRatePerMs(user) : 0;
  const pollsPerMs = 1 / intervalMs + (0.5 - tuning.endMergeFraction) * ends;
  return { ...base, scale: pollsPerMs / Math.sqrt(rate), ...overrides };
}

function seen(
  schedule: UserSchedule,
  snapshot: ReturnType<typeof player>,
  changes = NOTHING_SEEN,
): UserSchedule {
  return afterPlayerPoll(schedule, { snapshot, ...changes }, tuning, random);
}

describe('planNextPoll: the player', () => {
  it('polls a user nobody has polled yet at once, and not their queue yet', () => {
    const plan = planNextPoll(newUserSchedule(), allocate([], 100, T0, tuning), T0, tuning);
    expect(plan).toEqual({ player: { at: T0, reason: 'first' }, queue: null, urgentAt: T0 });
  });

  it.each([-1, -0.5, 0, 0.5, 0.999])(
    'runs the cadence from the last poll, scaled by the drawn jitter %p',
    (jitter) => {
      const user = { ...polledOnce(snapshotIn('paused')), jitter };
      const allocation = allocationWith(user, 20_000);
      const expected =
        T0 + cadenceIntervalMs(user, allocation, tuning) * (1 + tuning.jitterFraction * jitter);
      expect(planNextPoll(user, allocation, T0, tuning).player).toEqual({ at: expected, reason: 'cadence' });
      expect(expected - T0).toBeCloseTo(20_000 * (1 + 0.05 * jitter), 6);
    },
  );

  it.each([
    ['mid-track', 180_000, 60_000],
    ['near the end', 180_000, 175_500],
    ['a long episode', 2_400_000, 2_390_000],
    ['at its very end', 180_000, 180_000],
  ])(
    'lands the natural-end poll at the predicted end plus the margin: %s',
    (_name, durationMs, progressMs) => {
      const user = { ...polledOnce(player({ item: track('a', durationMs), progressMs })), jitter: 0 };
      const remaining = durationMs - progressMs;
      const plan = planNextPoll(user, allocationWith(user, 10 * remaining + 60_000), T0, tuning);
      const expected = Math.max(T0 + remaining + tuning.endMarginMs, T0 + tuning.fastFollowIntervalMs);
      expect(plan.player).toEqual({ at: expected, reason: 'predicted_end' });
    },
  );

  it('runs the cadence when it comes well before the end, and skips it for the end poll just after', () => {
    const user = { ...polledOnce(player({ item: track('a', 180_000), progressMs: 140_000 })), jitter: 0 };
    const endAt = T0 + 40_000 + tuning.endMarginMs;
    expect(planNextPoll(user, allocationWith(user, 20_000), T0, tuning).player).toEqual({
      at: T0 + 20_000,
      reason: 'cadence',
    });
    // The cadence would fall 150 ms before the end poll: that poll would observe next to nothing more.
    expect(planNextPoll(user, allocationWith(user, 40_000), T0, tuning).player).toEqual({
      at: endAt,
      reason: 'predicted_end',
    });
  });

  it('plans no natural-end poll while the allocation has them off', () => {
    const user = { ...polledOnce(player({ item: track('a', 180_000), progressMs: 170_000 })), jitter: 0 };
    const plan = planNextPoll(user, allocationWith(user, 30_000, { endPolls: false }), T0, tuning);
    expect(plan.player).toEqual({ at: T0 + 30_000, reason: 'cadence' });
  });

  it('fast-follows an overdue end, then gives up after the limit and returns to the cadence', () => {
    const at = (ms: number) => T0 + ms;
    const stuck = (ms: number) =>
      player({ observedAt: at(ms), item: track('a', 180_000), progressMs: 180_000 });
    let user = { ...polledOnce(stuck(0)), jitter: 0 };
    const allocation = allocationWith(user, 60_000);
    const reasons: string[] = [];
    for (let i = 0; i < 40; i++) {
      const { player: next } = planNextPoll(user, allocation, user.lastPollAt!, tuning);
      reasons.push(next.reason);
      if (next.reason === 'cadence') break;
      expect(next.at - user.lastPollAt!).toBe(tuning.fastFollowIntervalMs);
      user = seen(user, stuck(next.at - T0));
    }
    expect(reasons.at(-1)).toBe('cadence');
    expect(reasons.filter((r) => r === 'fast_follow').length).toBe(
      tuning.fastFollowLimitMs / tuning.fastFollowIntervalMs,
    );
  });

  it('waits out a backoff, however soon anything else was due', () => {
    const user = afterPollFailure(
      polledOnce(),
      { endpoint: 'player', kind: 'upstream', at: T0 + 10 },
      tuning,
      random,
    );
    const plan = planNextPoll({ ...user, hintPollDue: true }, allocationWith(user, 1000), T0 + 10, tuning);
    expect(plan.player).toEqual({ at: user.backoff!.until, reason: 'backoff' });
    // The queue waits out the backoff too (its first poll may be due later still).
    expect(plan.queue!.at).toBeGreaterThanOrEqual(user.backoff!.until);
  });

  it('counts overdue polls as due now, and lets the natural-end poll win over an overdue cadence', () => {
    const user = { ...polledOnce(player({ item: track('a', 180_000), progressMs: 170_000 })), jitter: 0 };
    const now = T0 + 60_000;
    expect(planNextPoll(user, allocationWith(user, 20_000), now, tuning).player).toEqual({
      at: now,
      reason: 'predicted_end',
    });
  });
});

describe('planNextPoll: the natural-end poll sent ahead of its read', () => {
  it.each([
    ['no send time known', undefined, 0],
    ['a 300 ms round trip', T0 - 300, 150],
    ['a 1 s round trip', T0 - 1000, 500],
  ])('goes out half a round trip before Spotify is to read it: %s', (_name, sentAt, early) => {
    const snapshot = player({ item: track('a', 180_000), progressMs: 120_000 });
    const user = afterPlayerPoll(newUserSchedule(), { snapshot, sentAt, ...NOTHING_SEEN }, tuning, random);
    const predictedEndAt = user.playback!.predictedEndAt!;
    const plan = planNextPoll({ ...user, jitter: 0 }, allocationWith(user, 200_000), T0, tuning);
    expect(plan.player).toEqual({ at: predictedEndAt + tuning.endMarginMs - early, reason: 'predicted_end' });
  });
});

describe('planNextPoll: when an urgent request falls due', () => {
  const playing = () =>
    ({
      ...polledOnce(player({ item: track('a', 180_000), progressMs: 140_000 })),
      jitter: 0,
    }) as UserSchedule;
  const endAt = T0 + 40_000 + tuning.endMarginMs;
  it.each<[string, () => { user: UserSchedule; allocation: Allocation }, string, number | null]>([
    [
      'the end poll, behind a cadence poll due first',
      () => ({ user: playing(), allocation: allocationWith(playing(), 10_000) }),
      'cadence',
      endAt,
    ],
    [
      'the end poll, when it is the next poll',
      () => ({ user: playing(), allocation: allocationWith(playing(), 60_000) }),
      'predicted_end',
      endAt,
    ],
    [
      'nothing: end polls are off',
      () => ({ user: playing(), allocation: allocationWith(playing(), 10_000, { endPolls: false }) }),
      'cadence',
      null,
    ],
    [
      'nothing: paused',
      () => {
        const user = { ...polledOnce(snapshotIn('paused')), jitter: 0 };
        return { user, allocation: allocationWith(user, 10_000) };
      },
      'cadence',
      null,
    ],
    [
      "a hinted change's fast-follow",
      () => {
        const user = { ...playing(), followPlayerUntil: T0 + 2000 };
        return { user, allocation: allocationWith(user, 10_000) };
      },
      'fast_follow',
      T0 + tuning.fastFollowIntervalMs,
    ],
  ])('%s', (_name, make, reason, urgentAt) => {
    const { user, allocation } = make();
    const plan = planNextPoll(user, allocation, T0, tuning);
    expect(plan.player.reason).toBe(reason);
    expect(plan.urgentAt).toBe(urgentAt);
  });
});

describe('planNextPoll: the queue', () => {
  const active = () =>
    afterQueuePoll({ ...polledOnce(), jitter: 0 }, { observedAt: T0, sawExpectedChange: false });

  it('takes a baseline of the queue its least gap after a device is first seen', () => {
    const allocation = allocate([], 100, T0, tuning);
    const user = polledOnce();
    const plan = planNextPoll(user, allocation, T0, tuning);
    expect(plan.queue).toEqual({
      at: user.firstObservedAt! + allocation.queueMinIntervalMs,
      reason: 'first',
    });
    expect(plan.queue!.at).toBeGreaterThan(T0);
  });

  it('keeps the queue baseline due however often the player is polled meanwhile', () => {
    const allocation = allocate([], 100, T0, tuning);
    const once = polledOnce();
    const thrice = seen(seen(once, snapshotIn('playing', T0 + 2000)), snapshotIn('playing', T0 + 4000));
    const plan = planNextPoll(thrice, allocation, T0 + 4000, tuning);
    expect(plan.queue?.at).toBe(once.firstObservedAt! + allocation.queueMinIntervalMs);
  });

  it('does not poll the queue while there is no device', () => {
    const user = polledOnce(snapshotIn('no_device'));
    expect(planNextPoll(user, allocate([user], 100, T0, tuning), T0, tuning).queue).toBeNull();
  });

  it('runs the slow timer from the last queue poll', () => {
    const user = active();
    const allocation = allocate([user], 100, T0, tuning);
    expect(planNextPoll(user, allocation, T0, tuning).queue).toEqual({
      at: T0 + allocation.queueSlowIntervalMs,
      reason: 'slow_timer',
    });
  });

  it('owes a poll after a track change, due at once unless the least gap is not over yet', () => {
    const user = seen(active(), later(player(), 10_000, { item: track('b') }));
    const allocation = allocate([user], 100, T0, tuning);
    expect(planNextPoll(user, allocation, T0 + 10_000, tuning).queue).toEqual({
      at: T0 + Math.max(10_000, allocation.queueMinIntervalMs),
      reason: 'track_change',
    });
    const soon = seen(active(), later(player(), 2_000, { item: track('b') }));
    expect(planNextPoll(soon, allocation, T0 + 2_000, tuning).queue).toEqual({
      at: T0 + allocation.queueMinIntervalMs,
      reason: 'track_change',
    });
  });

  it('owes nothing when the same item plays on', () => {
    const user = seen(active(), later(player(), 10_000));
    expect(planNextPoll(user, allocate([user], 100, T0, tuning), T0 + 10_000, tuning).queue?.reason).toBe(
      'slow_timer',
    );
  });
});
