import { SeededRandom } from '../../lib/random/random';
import { DEFAULT_SCHEDULER_TUNING } from '../../lib/scheduler';
import type { LoopOptions, LoopResult } from './closed-loop';
import { quantile, runClosedLoop } from './closed-loop';
import { listenerRates } from './sim-listeners';

/**
 * The scheduler in a closed loop against simulated listeners, held to the detection benchmark's bar: 30
 * listeners whose per-state rates are the priors times a factor in [1/4, 4], two hours of virtual time,
 * 100 ms request latency. The budget is what a fixed-interval poller (10 s playing / 30 s otherwise) spends,
 * then a fifth of it.
 */

const HOURS = 2;
const BASE = { playing: 16, paused: 30, no_device: 6 };
const FIXED = { playing: 10_000, paused: 30_000, no_device: 30_000 };

const common: Omit<LoopOptions, 'pollsPerWindow'> = {
  rates: listenerRates(30, 4, BASE, new SeededRandom('listeners')),
  durationMs: HOURS * 3_600_000,
  tuning: DEFAULT_SCHEDULER_TUNING,
  latencyMs: 100,
  seed: 'closed-loop',
};

let fixed: LoopResult;
let fixedPerWindow: number;

beforeAll(() => {
  fixed = runClosedLoop({ ...common, pollsPerWindow: 1_000_000, fixedIntervals: FIXED });
  fixedPerWindow = Math.floor(fixed.playerRequests / ((HOURS * 3_600_000) / common.tuning.windowMs));
});

describe('the scheduler in a closed loop', () => {
  it('finds the fixed-interval baseline well above the bar (the loop tells them apart)', () => {
    expect(fixed.ratioToOptimum).toBeGreaterThan(1.2);
  });

  it('with the baseline’s budget: unpredictable changes within 1.15× the optimum, natural ends p95 ≤ 0.5 s', () => {
    const ours = runClosedLoop({ ...common, pollsPerWindow: fixedPerWindow });
    expect(ours.ratioToOptimum).toBeLessThan(1.15);
    expect(quantile(ours.endDelays, 0.95)).toBeLessThanOrEqual(500);
    expect(ours.maxPerWindow).toBeLessThanOrEqual(fixedPerWindow);
    expect(ours.refusals).toBeLessThan(0.01 * (ours.playerRequests + ours.queueRequests));
  });

  it('with a fifth of it: still within 1.15× the optimum, and the ledger seldom has to hold a request back', () => {
    const budget = Math.floor(fixedPerWindow / 5);
    const ours = runClosedLoop({ ...common, pollsPerWindow: budget });
    expect(ours.ratioToOptimum).toBeLessThan(1.15);
    expect(ours.maxPerWindow).toBeLessThanOrEqual(budget);
    expect(ours.refusals).toBeLessThan(0.05 * (ours.playerRequests + ours.queueRequests));
  });

  it('is deterministic for a seed', () => {
    const short = { ...common, durationMs: 20 * 60_000, pollsPerWindow: 40 };
    const first = runClosedLoop(short);
    const again = runClosedLoop(short);
    expect(again.schedules).toEqual(first.schedules);
    expect(again.changeDelays).toEqual(first.changeDelays);
    expect(runClosedLoop({ ...short, seed: 'other' }).changeDelays).not.toEqual(first.changeDelays);
  });
});
