import { DEFAULT_SCHEDULER_TUNING } from '../../lib/scheduler/scheduler-tuning';
import { addSample, axisMax } from '../../web/src/ops/budget-samples';
import { cadence, countdown } from '../../web/src/ops/countdown';
import { TUNING_FIELDS } from '../../web/src/ops/tuning-fields';
import { changedValues, checkTuning, placeErrors, readValue } from '../../web/src/ops/tuning-values';

describe('ops page logic', () => {
  it('keeps five minutes of budget samples', () => {
    let samples = addSample([], { at: 0, used: 1, limit: 100 });
    for (let at = 2000; at <= 400_000; at += 2000) samples = addSample(samples, { at, used: 1, limit: 100 });
    expect(samples[0]?.at).toBe(100_000);
    expect(samples.at(-1)?.at).toBe(400_000);
  });

  it('puts the top of the chart on a round step above the limit and the use', () => {
    expect(axisMax([{ at: 0, used: 56, limit: 60 }])).toBe(80);
    expect(axisMax([{ at: 0, used: 130, limit: 100 }])).toBe(200);
    expect(axisMax([])).toBe(2);
  });

  it('counts down to the next poll and words cadences', () => {
    expect(countdown(12_500, 10_000)).toBe('in 2.5 s');
    expect(countdown(9000, 10_000)).toBe('due');
    expect(countdown(null, 10_000)).toBe('—');
    expect(cadence(4200)).toBe('every 4.2 s');
  });

  it('has a form field for every scheduler setting', () => {
    expect(TUNING_FIELDS.map((field) => field.name).sort()).toEqual(
      Object.keys(DEFAULT_SCHEDULER_TUNING).sort(),
    );
  });

  it('sends only what changed', () => {
    const typed = { ...DEFAULT_SCHEDULER_TUNING, playingMaxIntervalMs: 20_000 };
    expect(changedValues(typed, DEFAULT_SCHEDULER_TUNING)).toEqual({ playingMaxIntervalMs: 20_000 });
  });

  it('checks with the scheduler’s own messages, blaming the changed field of a pair', () => {
    const errors = checkTuning({ playingMaxIntervalMs: 500 }, {}, DEFAULT_SCHEDULER_TUNING);
    expect(errors).toEqual(['playingMaxIntervalMs: must be at least playingMinIntervalMs (1000), got 500']);
    expect(checkTuning({ jitterFraction: readValue('abc') }, {}, DEFAULT_SCHEDULER_TUNING)).toEqual([
      'jitterFraction: must be a number >= 0 and < 1, got "abc"',
    ]);
  });

  it('places messages under their fields, a pair under both, the rest as general', () => {
    const placed = placeErrors([
      'scheduler.windowMs: must be a positive integer (ms), got 0',
      'headroomFraction + endShareMax: must be < 1 so cadence polls keep a share, got 0.6 + 0.5',
      'recordUsers: must be a list of user ids',
    ]);
    expect(placed.byField.get('windowMs')).toEqual(['must be a positive integer (ms), got 0']);
    expect(placed.byField.get('headroomFraction')).toHaveLength(1);
    expect(placed.byField.get('endShareMax')).toHaveLength(1);
    expect(placed.general).toEqual(['recordUsers: must be a list of user ids']);
  });
});
