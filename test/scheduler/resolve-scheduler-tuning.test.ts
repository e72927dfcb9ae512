import { DEFAULT_SCHEDULER_TUNING, resolveSchedulerTuning } from '../../lib/scheduler';

describe('resolveSchedulerTuning', () => {
  it.each([
    ['nothing', undefined],
    ['null (the tuning store before its first write)', null],
    ['an empty object', {}],
  ])('gives the defaults for %s', (_name, input) => {
    const result = resolveSchedulerTuning(input);
    expect(result).toEqual({ ok: true, value: DEFAULT_SCHEDULER_TUNING });
  });

  it('documents sane defaults: the seed budget, Spotify’s window, a 250 ms fast-follow', () => {
    expect(DEFAULT_SCHEDULER_TUNING).toMatchObject({
      budgetPerWindow: 100,
      windowMs: 30_000,
      fastFollowIntervalMs: 250,
    });
    expect(Object.isFrozen(DEFAULT_SCHEDULER_TUNING)).toBe(true);
  });

  it('applies overrides over the defaults and freezes the result', () => {
    const result = resolveSchedulerTuning({ windowMs: 3000, budgetPerWindow: 10, jitterFraction: 0 });
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.value).toEqual({
      ...DEFAULT_SCHEDULER_TUNING,
      windowMs: 3000,
      budgetPerWindow: 10,
      jitterFraction: 0,
    });
    expect(Object.isFrozen(result.value)).toBe(true);
  });

  it.each([
    ['not an object', [1, 2], 'scheduler tuning: must be an object, got a list of 2'],
    ['a string', 'fast', 'scheduler tuning: must be an object, got "fast"'],
    ['an unknown setting', { pollFaster: true }, 'pollFaster: unknown field'],
    ['a budget of 0', { budgetPerWindow: 0 }, 'budgetPerWindow: must be a positive integer, got 0'],
    ['a fractional budget', { budgetPerWindow: 2.5 }, 'budgetPerWindow: must be a positive integer, got 2.5'],
    ['a window as text', { windowMs: '30s' }, 'windowMs: must be a positive integer (ms), got "30s"'],
    ['a negative margin', { endMarginMs: -1 }, 'endMarginMs: must be an integer >= 0 (ms), got -1'],
    ['headroom of 1', { headroomFraction: 1 }, 'headroomFraction: must be a number >= 0 and < 1, got 1'],
    ['jitter below 0', { jitterFraction: -0.1 }, 'jitterFraction: must be a number >= 0 and < 1, got -0.1'],
    ['a pace above 1', { paceUtilization: 1.5 }, 'paceUtilization: must be a number > 0 and <= 1, got 1.5'],
    ['no queue share', { queueShareMax: 0 }, 'queueShareMax: must be a number > 0 and < 1, got 0'],
    [
      'a merge fraction of 2',
      { endMergeFraction: 2 },
      'endMergeFraction: must be a number from 0 to 1, got 2',
    ],
    ['a zero prior', { pausedPriorPerHour: 0 }, 'pausedPriorPerHour: must be a finite number > 0, got 0'],
    [
      'an infinite prior weight',
      { priorWeight: Infinity },
      'priorWeight: must be a finite number > 0, got Infinity',
    ],
    [
      'a minimum above the default maximum',
      { playingMinIntervalMs: 45_000 },
      'playingMinIntervalMs: must be at most playingMaxIntervalMs (30000), got 45000',
    ],
    [
      'a maximum below the default minimum',
      { noDeviceMaxIntervalMs: 1000 },
      'noDeviceMaxIntervalMs: must be at least noDeviceMinIntervalMs (2000), got 1000',
    ],
    [
      'a fast-follow slower than its limit',
      { fastFollowIntervalMs: 5000 },
      'fastFollowIntervalMs: must be at most fastFollowLimitMs (4000), got 5000',
    ],
    [
      'a backoff cap below its base',
      { backoffMaxMs: 500 },
      'backoffMaxMs: must be at least backoffBaseMs (1000), got 500',
    ],
    [
      'headroom and end share leaving nothing',
      { headroomFraction: 0.5, endShareMax: 0.5 },
      'headroomFraction + endShareMax: must be < 1 so cadence polls keep a share, got 0.5 + 0.5',
    ],
  ])('rejects %s', (_name, input, message) => {
    expect(resolveSchedulerTuning(input)).toEqual({ ok: false, errors: [message] });
  });

  it('reports every problem at once', () => {
    const result = resolveSchedulerTuning({ windowMs: 0, endMarginMs: 'soon', extra: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(3);
  });
});
