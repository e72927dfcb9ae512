import type { PlayerSnapshot } from '../../lib/core/snapshot';
import { inactiveSnapshot } from '../../lib/core/snapshot';
import type { UserSchedule } from '../../lib/scheduler';
import {
  DEFAULT_SCHEDULER_TUNING,
  afterPlayerPoll,
  changesSeen,
  newUserSchedule,
  onHint,
  summarizePlayer,
} from '../../lib/scheduler';
import { SeededRandom } from '../../lib/random/random';
import { T0, ad, episode, hint, later, player, track } from '../core/builders';
import { NOTHING_SEEN, polledOnce } from './schedule-kit';

const tuning = DEFAULT_SCHEDULER_TUNING;

function poll(user: UserSchedule, snapshot: PlayerSnapshot, seen: Partial<typeof NOTHING_SEEN> = {}) {
  return afterPlayerPoll(user, { snapshot, ...NOTHING_SEEN, ...seen }, tuning, new SeededRandom('p'));
}

describe('summarizePlayer', () => {
  it.each([
    [
      'a track playing',
      player({ item: track('a', 200_000), progressMs: 50_000 }),
      {
        active: true,
        isPlaying: true,
        itemUri: 'spotify:track:a',
        itemDurationMs: 200_000,
        predictedEndAt: T0 + 150_000,
        readAfterSendMs: 0,
      },
    ],
    [
      'an episode playing',
      player({ item: episode('e', 3_000_000), progressMs: 1_000_000 }),
      {
        active: true,
        isPlaying: true,
        itemUri: 'spotify:episode:e',
        itemDurationMs: 3_000_000,
        predictedEndAt: T0 + 2_000_000,
        readAfterSendMs: 0,
      },
    ],
    [
      'a track paused',
      player({ isPlaying: false }),
      {
        active: true,
        isPlaying: false,
        itemUri: 'spotify:track:a',
        itemDurationMs: 180_000,
        predictedEndAt: null,
        readAfterSendMs: 0,
      },
    ],
    [
      'progress past the duration',
      player({ item: track('a', 1000), progressMs: 1500 }),
      {
        active: true,
        isPlaying: true,
        itemUri: 'spotify:track:a',
        itemDurationMs: 1000,
        predictedEndAt: T0,
        readAfterSendMs: 0,
      },
    ],
    [
      'an ad',
      ad(),
      {
        active: true,
        isPlaying: true,
        itemUri: null,
        itemDurationMs: null,
        predictedEndAt: null,
        readAfterSendMs: 0,
      },
    ],
    [
      'no device (204)',
      inactiveSnapshot(T0),
      {
        active: false,
        isPlaying: false,
        itemUri: null,
        itemDurationMs: null,
        predictedEndAt: null,
        readAfterSendMs: 0,
      },
    ],
  ])('summarizes %s', (_name, snapshot, expected) => {
    expect(summarizePlayer(snapshot)).toEqual(expected);
  });

  it('predicts the end from halfway through the round trip when the send time is known', () => {
    const snapshot = player({ item: track('a', 200_000), progressMs: 50_000 });
    expect(summarizePlayer(snapshot, T0 - 300).predictedEndAt).toBe(T0 - 150 + 150_000);
    expect(summarizePlayer(snapshot, T0 + 10).predictedEndAt).toBe(T0 + 150_000);
  });

  it.each([
    ['no send time', undefined, 0],
    ['a 300 ms round trip', T0 - 300, 150],
    ['a 1 s round trip', T0 - 1000, 500],
    ['a send time after the answer (clock skew)', T0 + 10, 0],
  ])('takes the read to come half a round trip after the send: %s', (_name, sentAt, expected) => {
    const snapshot = player({ item: track('a', 200_000), progressMs: 50_000 });
    expect(summarizePlayer(snapshot, sentAt).readAfterSendMs).toBe(expected);
  });
});

describe('afterPlayerPoll', () => {
  it('records the poll and draws the next jitter', () => {
    const user = polledOnce();
    expect(user).toMatchObject({ lastPollAt: T0, lastObservedAt: T0, hintPollDue: false, backoff: null });
    expect(user.jitter).toBeGreaterThanOrEqual(-1);
    expect(user.jitter).toBeLessThan(1);
  });

  it('passes the send time on to the predicted end', () => {
    const snapshot = player({ item: track('a', 200_000), progressMs: 50_000 });
    const user = afterPlayerPoll(
      newUserSchedule(),
      { snapshot, sentAt: T0 - 200, ...NOTHING_SEEN },
      tuning,
      new SeededRandom('p'),
    );
    expect(user.playback?.predictedEndAt).toBe(T0 - 100 + 150_000);
  });

  it('learns nothing from the first observation', () => {
    expect(polledOnce().rates).toEqual(newUserSchedule().rates);
  });

  it('puts the evidence of a gap on the state the gap began in', () => {
    const paused = polledOnce(player({ isPlaying: false }));
    const resumed = poll(paused, later(player({ isPlaying: false }), 20_000, { isPlaying: true }), {
      sawUnpredictableChange: true,
    });
    expect(changesSeen(resumed.rates.paused)).toBe(1);
    expect(resumed.rates.paused.ratePerMs).not.toBeNull();
    expect(resumed.rates.playing).toEqual(paused.rates.playing);
    expect(resumed.rates.no_device).toEqual(paused.rates.no_device);
  });

  it('does not count the natural end as an unpredictable change', () => {
    const user = polledOnce(player({ progressMs: 170_000 }));
    const next = poll(user, later(player(), 12_000, { item: track('b'), progressMs: 2_000 }), {
      sawNaturalEnd: true,
    });
    expect(changesSeen(next.rates.playing)).toBe(0);
    expect(next.rates.playing.quietMs).toBe(12_000);
  });

  it('learns nothing from a gap longer than rateMaxGapMs (the user was not watched)', () => {
    const user = polledOnce();
    const next = poll(user, later(player(), tuning.rateMaxGapMs + 1), { sawUnpredictableChange: true });
    expect(next.rates).toEqual(user.rates);
  });

  it.each([
    [
      'another item',
      later(player(), 10_000, { item: track('b') }),
      {},
      { reason: 'track_change', since: T0 + 10_000 },
    ],
    [
      'the same item over again',
      later(player(), 10_000, { progressMs: 1_000 }),
      { sawNaturalEnd: true },
      { reason: 'track_change', since: T0 + 10_000 },
    ],
    ['the same item playing on', later(player(), 10_000), {}, null],
    ['no device any more', inactiveSnapshot(T0 + 10_000), { sawUnpredictableChange: true }, null],
  ])('owes a queue poll after a track change: %s', (_name, snapshot, seen, owed) => {
    expect(poll(polledOnce(), snapshot, seen).queue.owed).toEqual(owed);
  });

  it('keeps a queue poll a hint asked for when the track changes too', () => {
    const asked = onHint(
      polledOnce(),
      hint('q', { recordedAt: T0, expect: { queueAdded: ['spotify:track:z'] } }),
      T0,
      tuning,
    );
    expect(poll(asked, later(player(), 1_000, { item: track('b') })).queue.owed).toEqual({
      reason: 'hint',
      since: T0,
    });
  });

  it('stops fast-following when the hinted change is seen, and not before', () => {
    const asked = onHint(polledOnce(), hint('h', { recordedAt: T0, ttlMs: 10_000 }), T0, tuning);
    expect(asked.followPlayerUntil).toBe(T0 + tuning.fastFollowLimitMs);
    expect(poll(asked, later(player(), 250)).followPlayerUntil).toBe(T0 + tuning.fastFollowLimitMs);
    expect(poll(asked, later(player(), 250), { sawExpectedChange: true }).followPlayerUntil).toBeNull();
  });

  it('marks the end overdue when the item still plays at its end, and clears it when the next one starts', () => {
    const atEnd = player({ item: track('a', 180_000), progressMs: 179_900 });
    const stuck = poll(polledOnce(atEnd), later(atEnd, 300, { progressMs: 180_000 }));
    expect(stuck.endOverdueSince).toBe(T0 + 300);
    expect(poll(stuck, later(atEnd, 600, { progressMs: 180_000 })).endOverdueSince).toBe(T0 + 300);
    expect(
      poll(stuck, later(atEnd, 600, { item: track('b'), progressMs: 100 }), { sawNaturalEnd: true })
        .endOverdueSince,
    ).toBeNull();
  });
});
