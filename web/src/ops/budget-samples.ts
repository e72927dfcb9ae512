/** Budget use over time, for the chart. Pure. */

export interface BudgetSample {
  /** Server time (ms). */
  at: number;
  used: number;
  limit: number;
}

/** How far back the chart looks. */
export const CHART_SPAN_MS = 5 * 60_000;

/** The samples with `sample` added, oldest first, none older than `spanMs` before it. */
export function addSample(
  samples: readonly BudgetSample[],
  sample: BudgetSample,
  spanMs = CHART_SPAN_MS,
): BudgetSample[] {
  const kept = samples.filter((each) => each.at < sample.at && each.at >= sample.at - spanMs);
  return [...kept, sample];
}

/** Grid lines of the y axis above zero. */
export const AXIS_STEPS = 4;

/**
 * The top of the y axis: the limit or the highest use with a little room above, such that each of the
 * `AXIS_STEPS` grid steps is a round number (1, 2 or 5 times a power of ten).
 */
export function axisMax(samples: readonly BudgetSample[]): number {
  const highest = Math.max(1, ...samples.map((sample) => Math.max(sample.limit, sample.used)));
  const rough = (highest * 1.05) / AXIS_STEPS;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10]
    .map((factor) => factor * power)
    .find((candidate) => candidate >= rough) as number;
  return step * AXIS_STEPS;
}
