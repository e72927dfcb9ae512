import type { BenchSection } from './sections';
import { figureTable } from './sections';
import { measureWorkerLoad, rows } from './worker-load';

/** One worker with 10,000 active listeners on the in-process simulator (DESIGN section 8): CPU and memory. */
export const workerLoadSection: BenchSection = {
  key: 'workerLoad',
  title: 'Worker load',
  async run({ full, progress }) {
    const durationMs = full ? 600_000 : 60_000;
    progress(`worker load: 10,000 listeners, ${durationMs / 1000} s of simulated time`);
    const figures = await measureWorkerLoad({ listeners: 10_000, durationMs });
    return {
      figures,
      notes: [
        `one worker, 10,000 active listeners, ${durationMs / 1000} s measured after a 60 s warm-up (virtual time)`,
      ],
      tables: [figureTable(rows(figures))],
    };
  },
};
