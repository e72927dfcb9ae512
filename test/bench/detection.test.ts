import { join } from 'node:path';
import { HOME_ASSISTANT, MULTI_SCROBBLER } from './detection/baseline-policies';
import type { Comparison, DetectionFigures } from './detection/detection-bench';
import { runDetectionBench } from './detection/detection-bench';
import type { PollerFigures } from './detection/detection-figures';
import { loadWorkload } from './detection/load-workload';

/**
 * The virtual-time detection comparison of issue #7 on the small CI workload (config/workloads/ci-tiny.json):
 * the real worker and both baselines against identically seeded simulators. Deterministic, so these are
 * assertions about behaviour, not timings.
 */

const workload = loadWorkload(join(__dirname, '..', '..', 'config', 'workloads', 'ci-tiny.json'));

let figures: DetectionFigures;

beforeAll(async () => {
  figures = await runDetectionBench({ workload, source: 'ci-tiny.json', full: true });
}, 120_000);

const find = (baseline: string, regime: Comparison['regime']) =>
  figures.comparisons.find((c) => c.baseline === baseline && c.regime === regime) as Comparison;

const runs = (): PollerFigures[] => figures.comparisons.flatMap((c) => [c.baselineFigures, c.ours]);

describe('the detection benchmark on the CI workload', () => {
  it('faces every poller with the same ground truth', () => {
    const counts = runs().map((run) =>
      Object.fromEntries(Object.entries(run.byKind).map(([kind, f]) => [kind, f?.changes])),
    );
    expect(counts[0]?.skip).toBeGreaterThan(20);
    for (const count of counts) expect(count).toEqual(counts[0]);
  });

  it.each([MULTI_SCROBBLER.name, HOME_ASSISTANT.name])(
    'with the budget %s spends, ours stays within it and detects app actions sooner per player request',
    (baseline) => {
      const { ours, baselineFigures, budgetPerWindow } = find(baseline, 'ample');
      expect(ours.requests.perWindow).toBeLessThanOrEqual(budgetPerWindow);
      expect(ours.requests.rateLimitedInRun).toBe(0);
      expect(ours.ratioToOptimum).not.toBeNull();
      expect(ours.ratioToOptimum as number).toBeLessThan(baselineFigures.ratioToOptimum as number);
    },
  );

  it('with the budget multi-scrobbler spends, ours detects app actions sooner outright', () => {
    const { ours, baselineFigures } = find(MULTI_SCROBBLER.name, 'ample');
    expect(ours.unpredictable.meanMs as number).toBeLessThan(baselineFigures.unpredictable.meanMs as number);
  });

  it.each([MULTI_SCROBBLER.name, HOME_ASSISTANT.name])(
    'with a fifth of what %s spends as the app’s quota, ours trips no 429 and the baseline does',
    (baseline) => {
      const { ours, baselineFigures } = find(baseline, 'scarce');
      expect(ours.requests.rateLimitedInRun).toBe(0);
      expect(ours.unpredictable.detected).toBeGreaterThan(0);
      expect(baselineFigures.requests.rateLimitedInRun).toBeGreaterThan(0);
    },
  );

  it('catches natural ends sooner than either baseline with their budgets', () => {
    for (const baseline of [MULTI_SCROBBLER.name, HOME_ASSISTANT.name]) {
      const { ours, baselineFigures } = find(baseline, 'ample');
      expect(ours.naturalEnds.p50Ms as number).toBeLessThan(baselineFigures.naturalEnds.p50Ms as number);
    }
  });

  it('gives the same figures for the same seed', async () => {
    const again = await runDetectionBench({
      workload,
      source: 'ci-tiny.json',
      full: true,
      baselines: [HOME_ASSISTANT],
    });
    expect(again.comparisons).toEqual(figures.comparisons.filter((c) => c.baseline === HOME_ASSISTANT.name));
  }, 120_000);
});
