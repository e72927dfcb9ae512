import { relative } from 'node:path';
import type { BenchSection, Table } from '../sections';
import type { Comparison, DetectionFigures } from './detection-bench';
import { runDetectionBench } from './detection-bench';
import type { ChangeFigures, PollerFigures } from './detection-figures';
import { loadWorkload } from './load-workload';

/**
 * The detection benchmark as a section of `npm run bench`: a summary table (every run), the targets of DESIGN
 * section 8 for ours, and a per-kind table for each comparison. Every figure is in the JSON.
 */
export const detectionSection: BenchSection = {
  key: 'detection',
  title: 'Detection in virtual time (issue #7 item 2)',
  async run({ full, workloadFile, repoRoot, progress }) {
    const workload = loadWorkload(workloadFile);
    const source = relative(repoRoot, workloadFile).startsWith('..')
      ? workloadFile
      : relative(repoRoot, workloadFile);
    const figures = await runDetectionBench({ workload, source, full, progress });
    return { figures, notes: [describe(figures)], tables: detectionTables(figures) };
  },
};

export function detectionTables(figures: DetectionFigures): Table[] {
  return [
    summaryTable(figures.comparisons),
    targetsTable(figures.comparisons),
    ...figures.comparisons.map(kindTable),
  ];
}

function describe({ workload }: DetectionFigures): string {
  return (
    `Workload \`${workload.name}\` (${workload.source}, seed ${workload.seed}, ${workload.mode} mode): ` +
    `${workload.listeners} listeners, ${workload.measuredMinutes} min measured after a ` +
    `${workload.warmupMinutes} min warm-up, in virtual time. Delays run from the true change to the event ` +
    `(its timestamp, the detecting poll's receive time); "÷ optimum" divides the mean unpredictable delay by ` +
    `the square-root-law optimum for that run's own player requests less one per natural end (a poller that ` +
    `does not spend one per end, under a scarce budget, can come in under it; the JSON also has the optimum ` +
    `with every player request, a true bound). Ample: the ` +
    `baseline polls as it likes and ours gets what it spent as its budget; scarce: a fifth of that is the ` +
    `app's quota in the simulator for both (429s with growing Retry-After past it).`
  );
}

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const ratio = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}×`);

function summaryTable(comparisons: readonly Comparison[]): Table {
  const rows: string[][] = [];
  for (const c of comparisons) {
    const limit = c.baselineLimit === null ? 'unlimited' : `quota ${c.baselineLimit}`;
    rows.push(summaryRow(c, c.baseline, limit, c.baselineFigures));
    rows.push(summaryRow(c, 'ours', `${c.budgetPerWindow}`, c.ours));
  }
  return {
    title: 'Summary (per 30 s window; delays of reported changes)',
    header: [
      'regime',
      'poller',
      'budget',
      'requests (player + queue)',
      '429s (run; longest Retry-After)',
      'natural ends p50 / p95',
      'unpredictable mean / p95',
      'optimum',
      '÷ optimum',
      'reported / changes',
    ],
    rows,
  };
}

function summaryRow(c: Comparison, poller: string, budget: string, f: PollerFigures): string[] {
  const { requests, naturalEnds, unpredictable } = f;
  return [
    c.regime,
    poller,
    budget,
    `${requests.perWindow.toFixed(1)} (${requests.playerPerWindow.toFixed(1)} + ${requests.queuePerWindow.toFixed(1)})`,
    rateLimits(requests),
    `${seconds(naturalEnds.p50Ms)} / ${seconds(naturalEnds.p95Ms)}`,
    `${seconds(unpredictable.meanMs)} / ${seconds(unpredictable.p95Ms)}`,
    seconds(f.optimumMs),
    ratio(f.ratioToOptimum),
    `${unpredictable.detected + unpredictable.merged} / ${unpredictable.changes}`,
  ];
}

function rateLimits({ rateLimitedInRun, longestRetryAfterMs }: PollerFigures['requests']): string {
  if (rateLimitedInRun === 0) return '0';
  const hours = longestRetryAfterMs / 3_600_000;
  const longest = hours >= 1 ? `${hours.toFixed(1)} h` : `${Math.round(longestRetryAfterMs / 1000)} s`;
  return `${rateLimitedInRun}; ${longest}`;
}

function targetsTable(comparisons: readonly Comparison[]): Table {
  const rows: string[][] = [];
  for (const c of comparisons) {
    const at = `${c.regime}, budget of ${c.baseline}`;
    const ours = c.ours;
    const check = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : 'missed');
    const p95 = ours.naturalEnds.p95Ms;
    rows.push([at, 'natural ends p95', seconds(p95), '≤ 0.50 s', check(p95 === null ? null : p95 <= 500)]);
    const r = ours.ratioToOptimum;
    rows.push([
      at,
      'unpredictable mean ÷ optimum',
      ratio(r),
      '≤ 1.15×',
      check(r === null ? null : r <= 1.15),
    ]);
    if (c.regime === 'scarce') {
      const limited = ours.requests.rateLimitedInRun;
      rows.push([at, '429s in the whole run', String(limited), '0', check(limited === 0)]);
    }
    const mine = ours.unpredictable.meanMs;
    const theirs = c.baselineFigures.unpredictable.meanMs;
    rows.push([
      at,
      `unpredictable mean vs ${c.baseline} (equal budget)`,
      `${seconds(mine)} vs ${seconds(theirs)}`,
      'lower',
      check(mine === null ? null : theirs === null || mine < theirs),
    ]);
    const theirRatio = c.baselineFigures.ratioToOptimum;
    rows.push([
      at,
      `÷ optimum vs ${c.baseline} (equal player requests)`,
      `${ratio(r)} vs ${ratio(theirRatio)}`,
      'lower',
      check(r === null ? null : theirRatio === null || r < theirRatio),
    ]);
  }
  return {
    title: 'Ours against the targets (DESIGN section 8)',
    header: ['run', 'figure', 'measured', 'target', ''],
    rows,
  };
}

function kindTable(c: Comparison): Table {
  const kinds = [
    ...new Set([...Object.keys(c.ours.byKind), ...Object.keys(c.baselineFigures.byKind)]),
  ].sort();
  const cell = (f: ChangeFigures | undefined) =>
    f === undefined || f.meanMs === null
      ? '—'
      : `${seconds(f.meanMs)} / ${seconds(f.p50Ms)} / ${seconds(f.p95Ms)} (${f.merged} merged, ${f.reverted + f.unreported + f.pending + f.unobserved} unseen)`;
  return {
    title: `By change kind: ${c.regime}, ${c.baseline} against ours (mean / p50 / p95)`,
    header: ['kind', 'changes', c.baseline, 'ours'],
    rows: kinds.map((kind) => {
      const ours = c.ours.byKind[kind as keyof PollerFigures['byKind']];
      const theirs = c.baselineFigures.byKind[kind as keyof PollerFigures['byKind']];
      return [kind, String(ours?.changes ?? theirs?.changes ?? 0), cell(theirs), cell(ours)];
    }),
  };
}
