import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkload, parseWorkload } from './detection/load-workload';
import { planListeners } from './detection/listener-plan';
import { scaleOf } from './detection/workload';

const WORKLOADS = join(__dirname, '..', '..', 'config', 'workloads');

describe('workload files', () => {
  const files = readdirSync(WORKLOADS).filter((name) => name.endsWith('.json'));

  it.each(files)('%s is a valid workload', (name) => {
    expect(loadWorkload(join(WORKLOADS, name)).name).toBe(name.replace(/\.json$/, ''));
  });

  /** A workload as JSON, to break. */
  type Json = ReturnType<typeof JSON.parse>;
  const valid = (): Json => JSON.parse(JSON.stringify(loadWorkload(join(WORKLOADS, 'ci-tiny.json'))));

  it.each([
    ['an unknown field', (w: Json) => (w.listners = 3), 'listners: unknown field'],
    ['no listeners', (w: Json) => (w.listeners = 0), 'listeners: must be a positive integer, got 0'],
    [
      'a mix kind of another state',
      (w: Json) => (w.states.playing.mix.resume = 1),
      'states.playing.mix.resume: unknown field',
    ],
    [
      'shares that do not add up',
      (w: Json) => (w.states.idle.share = 0.5),
      'states: the shares of playing, paused and idle must add up to 1',
    ],
    [
      'a range upside down',
      (w: Json) => (w.states.paused.resumesPerHour = { type: 'logUniform', min: 9, max: 3 }),
      'states.paused.resumesPerHour.max: min must not exceed max',
    ],
    [
      'an unknown distribution',
      (w: Json) => (w.states.idle.startsPerHour = { type: 'poisson', mean: 3 }),
      'states.idle.startsPerHour.type: must be {type: fixed | uniform | logUniform | logNormal, ...}, got "poisson"',
    ],
    [
      'a burst fraction of 1',
      (w: Json) => (w.bursts = { fraction: 1, factor: 2, meanMinutes: 3 }),
      'bursts.fraction: must be a number > 0 and < 1, got 1',
    ],
  ])('refuses %s, naming the field', (_name, change, message) => {
    const workload = valid();
    change(workload);
    expect(() => parseWorkload(workload, 'x.json')).toThrow(message);
    expect(() => parseWorkload(workload, 'x.json')).toThrow(/^Workload x\.json: /);
  });

  it('says which file cannot be read or parsed', () => {
    expect(() => loadWorkload('/nonexistent/w.json')).toThrow('Workload /nonexistent/w.json: cannot be read');
    expect(() => loadWorkload(__filename)).toThrow(`Workload ${__filename}: not JSON`);
  });

  it('takes the quick run’s scale from `quick`, the rest from the full run', () => {
    const workload = loadWorkload(join(WORKLOADS, 'default.json'));
    expect(scaleOf(workload, true)).toEqual({ listeners: 1000, durationMinutes: 60, warmupMinutes: 10 });
    expect(scaleOf(workload, false)).toEqual({ listeners: 250, durationMinutes: 30, warmupMinutes: 10 });
  });

  it('plans the same listeners for the same seed, and others for another', () => {
    const workload = loadWorkload(join(WORKLOADS, 'default.json'));
    const plans = planListeners(workload, 50, 3_600_000);
    expect(planListeners(workload, 50, 3_600_000)).toEqual(plans);
    expect(planListeners({ ...workload, seed: 'other' }, 50, 3_600_000)).not.toEqual(plans);
    const states = new Set(plans.map((plan) => plan.initial));
    expect(states).toEqual(new Set(['playing', 'paused', 'idle']));
    for (const plan of plans) {
      expect(plan.rates.resume).toBeGreaterThan(0);
      expect(plan.phases[0]).toEqual(expect.objectContaining({ atMs: 0 }));
    }
  });
});
