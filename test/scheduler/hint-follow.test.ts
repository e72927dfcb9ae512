import type { Hint } from '../../lib/core/hint';
import type { UserSchedule } from '../../lib/scheduler';
import {
  DEFAULT_SCHEDULER_TUNING,
  afterPlayerPoll,
  afterQueuePoll,
  allocate,
  onHint,
  onNudge,
  planNextPoll,
} from '../../lib/scheduler';
import { SeededRandom } from '../../lib/random/random';
import { T0, hint, later } from '../core/builders';
import { NOTHING_SEEN, polledOnce, snapshotIn } from './schedule-kit';

const tuning = DEFAULT_SCHEDULER_TUNING;
const random = new SeededRandom('hints');
const NOW = T0 + 5_000;
/** Paused, so no natural end comes into it. */
const PAUSED = snapshotIn('paused');

/** A paused user polled at `T0` (queue too), with a cadence of hours, who gets `hint` at `NOW`. */
function hinted(h: Hint): UserSchedule {
  const user = afterQueuePoll(
    { ...polledOnce(PAUSED), jitter: 0 },
    { observedAt: T0, sawExpectedChange: false },
  );
  return onHint(user, h, NOW, tuning);
}

const allocation = {
  ...allocate([polledOnce(PAUSED)], 100, T0, tuning),
  scale: 1e-9,
  maxIntervalsHold: false,
};

/**
 * Polls the player whenever the plan says, until the plan is the cadence again; the change shows at the
 * poll numbered `changeAt` (never when null). Returns the reasons and times of the polls made.
 */
function followPlayer(user: UserSchedule, changeAt: number | null): { reason: string; at: number }[] {
  const polls: { reason: string; at: number }[] = [];
  let now = NOW;
  let current = user;
  for (let i = 0; i < 100; i++) {
    const { player: next } = planNextPoll(current, allocation, now, tuning);
    if (next.reason === 'cadence') return polls;
    polls.push({ reason: next.reason, at: next.at - NOW });
    now = next.at;
    const snapshot = later(PAUSED, now - T0);
    const sawExpectedChange = polls.length === changeAt;
    current = afterPlayerPoll(current, { snapshot, ...NOTHING_SEEN, sawExpectedChange }, tuning, random);
  }
  throw new Error('never returned to the cadence');
}

describe('after a hint', () => {
  it('polls at once, then every 250 ms, and stops when the expected change is seen', () => {
    const polls = followPlayer(hinted(hint('h', { recordedAt: NOW, ttlMs: 10_000 })), 3);
    expect(polls).toEqual([
      { reason: 'hint', at: 0 },
      { reason: 'fast_follow', at: 250 },
      { reason: 'fast_follow', at: 500 },
    ]);
  });

  it.each([
    ['when the hint expires', 1_000, 1_000 / 250],
    ['at the fast-follow limit when the hint lives longer', 60_000, 4_000 / 250],
  ])('stops %s', (_name, ttlMs, polls) => {
    const made = followPlayer(hinted(hint('h', { recordedAt: NOW, ttlMs })), null);
    expect(made).toHaveLength(polls);
    expect(made.slice(1).every((p, i) => p.reason === 'fast_follow' && p.at === (i + 1) * 250)).toBe(true);
  });

  it('follows the queue for a hint that expects queued items, not the player', () => {
    const user = hinted(
      hint('q', { recordedAt: NOW, ttlMs: 2_000, expect: { queueAdded: ['spotify:track:z'] } }),
    );
    const plan = planNextPoll(user, allocation, NOW, tuning);
    expect(plan.player.reason).toBe('cadence');
    expect(plan.queue).toEqual({ at: NOW, reason: 'hint' });
    const polled = afterQueuePoll(user, { observedAt: NOW + 100, sawExpectedChange: false });
    expect(planNextPoll(polled, allocation, NOW + 100, tuning).queue).toEqual({
      at: NOW + 350,
      reason: 'fast_follow',
    });
    const done = afterQueuePoll(polled, { observedAt: NOW + 350, sawExpectedChange: true });
    expect(planNextPoll(done, allocation, NOW + 350, tuning).queue?.reason).toBe('slow_timer');
  });

  it('follows both for a hint that expects a track and queued items', () => {
    const user = hinted(
      hint('b', {
        recordedAt: NOW,
        expect: { trackUri: 'spotify:track:y', queueAdded: ['spotify:track:z'] },
      }),
    );
    const plan = planNextPoll(user, allocation, NOW, tuning);
    expect(plan.player.reason).toBe('hint');
    expect(plan.queue?.reason).toBe('hint');
  });

  it('ignores a hint that has already expired', () => {
    const user = afterQueuePoll(polledOnce(PAUSED), { observedAt: T0, sawExpectedChange: false });
    expect(onHint(user, hint('old', { recordedAt: T0 - 20_000, ttlMs: 10_000 }), NOW, tuning)).toBe(user);
  });

  it('polls once for a nudge without a hint', () => {
    const user = onNudge(
      afterQueuePoll({ ...polledOnce(PAUSED), jitter: 0 }, { observedAt: T0, sawExpectedChange: false }),
    );
    expect(followPlayer(user, null)).toEqual([{ reason: 'hint', at: 0 }]);
  });
});
