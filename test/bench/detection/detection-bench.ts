import type { SchedulerTuning } from '../../../lib/scheduler';
import type { BaselinePolicy } from './baseline-policies';
import { HOME_ASSISTANT, MULTI_SCROBBLER } from './baseline-policies';
import { WINDOW_MS } from './bench-world';
import type { PollerFigures, Window } from './detection-figures';
import { pollerFigures } from './detection-figures';
import type { ListenerPlan } from './listener-plan';
import { planListeners } from './listener-plan';
import { matchChanges } from './match-changes';
import { rateIntegrals } from './optimum';
import { runBaseline } from './run-baseline';
import type { RunRecord } from './run-record';
import type { RunSpec } from './run-spec';
import { RUN_START } from './run-start';
import { runWorker } from './run-worker';
import { groupChanges } from './truth-changes';
import type { Workload } from './workload';
import { scaleOf } from './workload';

/**
 * The detection benchmark (issue #7, DESIGN section 8): the same workload, on identically seeded simulators,
 * polled by each baseline and by the daemon's worker with the same budget, in two regimes:
 * - ample: the baseline polls as it likes (no rate limit); ours gets as many requests per window as the
 *   baseline spent, as its budget and as the simulator's limit;
 * - scarce: a fifth of that is the app's quota in the simulator (429s and growing penalties past it) for
 *   both, and ours' budget.
 * Each run is measured over the same window after a warm-up; every figure is compared with the optimum for
 * that run's own player requests.
 */
export interface DetectionOptions {
  workload: Workload;
  /** Where the workload came from (for the report). */
  source: string;
  full: boolean;
  /** Scheduler settings beyond the budget, for experiments (default: the daemon's defaults). */
  tuning?: Partial<SchedulerTuning>;
  /** Which baselines to compare with. Default both. */
  baselines?: readonly BaselinePolicy[];
  /** Progress lines (stderr). */
  progress?: (line: string) => void;
}

export type Regime = 'ample' | 'scarce';

export interface Comparison {
  baseline: string;
  regime: Regime;
  /** Ours' budget per 30 s window, and the simulator's limit in ours' run. */
  budgetPerWindow: number;
  /** The simulator's limit in the baseline's run (null: none). */
  baselineLimit: number | null;
  baselineFigures: PollerFigures;
  ours: PollerFigures;
}

export interface DetectionFigures {
  workload: {
    name: string;
    source: string;
    seed: number | string;
    mode: 'quick' | 'full';
    listeners: number;
    measuredMinutes: number;
    warmupMinutes: number;
  };
  comparisons: Comparison[];
}

/** The scarce regime's share of the ample budget. */
export const SCARCE_FRACTION = 0.2;
/** Polling goes on after the measured window so that its last changes are seen. */
const TAIL_MS = 120_000;
const MINUTE_MS = 60_000;

export async function runDetectionBench(options: DetectionOptions): Promise<DetectionFigures> {
  const { workload } = options;
  const progress = options.progress ?? (() => undefined);
  const scale = scaleOf(workload, options.full);
  const warmupMs = scale.warmupMinutes * MINUTE_MS;
  const runMs = warmupMs + scale.durationMinutes * MINUTE_MS;
  const window: Window = { from: RUN_START + warmupMs, to: RUN_START + runMs, windowMs: WINDOW_MS };
  const plans = planListeners(workload, scale.listeners, runMs);
  const spec = (rateLimit: number | null): RunSpec => ({
    workload,
    plans,
    runMs,
    tailMs: TAIL_MS,
    rateLimit,
  });
  const analyse = (run: RunRecord) => analyseRun(run, plans, window);

  const comparisons: Comparison[] = [];
  for (const policy of options.baselines ?? [MULTI_SCROBBLER, HOME_ASSISTANT]) {
    progress(`detection: ${policy.name}, ample`);
    const ampleBaseline = analyse(runBaseline(policy, spec(null)));
    const ample = Math.max(1, Math.round(ampleBaseline.requests.perWindow));
    progress(`detection: ours at ${ample} per window`);
    const ampleOurs = analyse(await runWorker(spec(ample), { ...options.tuning, budgetPerWindow: ample }));
    comparisons.push(comparison(policy, 'ample', ample, null, ampleBaseline, ampleOurs));

    const scarce = Math.max(1, Math.floor(ample * SCARCE_FRACTION));
    progress(`detection: ${policy.name}, scarce (${scarce} per window)`);
    const scarceBaseline = analyse(runBaseline(policy, spec(scarce)));
    progress(`detection: ours at ${scarce} per window`);
    const scarceOurs = analyse(await runWorker(spec(scarce), { ...options.tuning, budgetPerWindow: scarce }));
    comparisons.push(comparison(policy, 'scarce', scarce, scarce, scarceBaseline, scarceOurs));
  }
  return {
    workload: {
      name: workload.name,
      source: options.source,
      seed: workload.seed,
      mode: options.full ? 'full' : 'quick',
      listeners: scale.listeners,
      measuredMinutes: scale.durationMinutes,
      warmupMinutes: scale.warmupMinutes,
    },
    comparisons,
  };
}

export function analyseRun(run: RunRecord, plans: readonly ListenerPlan[], window: Window): PollerFigures {
  const matched = matchChanges(run, groupChanges(run.truth));
  return pollerFigures(run, matched, rateIntegrals({ run, plans, from: window.from, to: window.to }), window);
}

function comparison(
  policy: BaselinePolicy,
  regime: Regime,
  budgetPerWindow: number,
  baselineLimit: number | null,
  baselineFigures: PollerFigures,
  ours: PollerFigures,
): Comparison {
  return { baseline: policy.name, regime, budgetPerWindow, baselineLimit, baselineFigures, ours };
}
