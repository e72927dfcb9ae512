import { measureCoreCost } from './core-cost';
import type { BenchSection } from './sections';
import { figureTable } from './sections';

const POLLS = 200_000;

/** diff + attribute per poll (DESIGN section 8: median ≤ 50 µs). */
export const coreCostSection: BenchSection = {
  key: 'coreCost',
  title: 'Core cost',
  async run({ repoRoot }) {
    // A first pass warms the JIT; only the second is reported.
    measureCoreCost(repoRoot, 20_000, 2);
    const core = measureCoreCost(repoRoot, POLLS, 1);
    return {
      figures: core,
      notes: [`${core.polls} polls, ${core.eventsPerPoll.toFixed(3)} events per poll`],
      tables: [
        figureTable([
          ['diff + attribute per poll, median', `${core.medianUs.toFixed(2)} µs`, '≤ 50 µs'],
          ['diff + attribute per poll, p99', `${core.p99Us.toFixed(2)} µs`, ''],
          ['diff + attribute per poll, mean', `${core.meanUs.toFixed(2)} µs`, ''],
        ]),
      ],
    };
  },
};
