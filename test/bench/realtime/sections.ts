import os from 'node:os';
import type { BenchSection } from '../sections';
import { figureTable } from '../sections';
import { drillDetails, drillRows, measureDrills } from './drills/drills';
import { latencyRows, measureLatency } from './latency';
import { loadRows, measureLoad } from './load';
import { FULL, QUICK } from './presets';
import { measureSoak, soakRows } from './soak';
import { measureThroughput, throughputRows } from './throughput';

/**
 * The real-process benchmarks as sections of `npm run bench` (add them to the list in test/bench/main.ts).
 * They start redis-server, the simulator, workers, web processes and load generators from `dist/`, which the
 * `prebench` build provides. Each note gives the machine's 1-minute load average at the start: other work on
 * it skews every real-time figure.
 */
function busy(): string {
  return `1-minute load average at the start: ${os.loadavg()[0]?.toFixed(2)} on ${os.cpus().length} CPUs`;
}

export const realtimeLatencySection: BenchSection = {
  key: 'realtimeLatency',
  title: 'Commanded changes and event throughput (real processes)',
  async run({ full }) {
    const notes = [busy()];
    const latency = await measureLatency((full ? FULL : QUICK).latency);
    const throughput = await measureThroughput((full ? FULL : QUICK).throughput);
    return {
      figures: { latency, throughput },
      notes,
      tables: [figureTable(latencyRows(latency)), figureTable(throughputRows(throughput))],
    };
  },
};

export const gatewayLoadSection: BenchSection = {
  key: 'gatewayLoad',
  title: 'One gateway, 10,000 sockets (real processes)',
  async run({ full }) {
    const notes = [busy()];
    const load = await measureLoad((full ? FULL : QUICK).load);
    return { figures: load, notes, tables: [figureTable(loadRows(load))] };
  },
};

export const soakSection: BenchSection = {
  key: 'soak',
  title: 'Soak (real processes)',
  async run({ full }) {
    const notes = [busy()];
    const soak = await measureSoak((full ? FULL : QUICK).soak);
    return { figures: soak, notes, tables: [figureTable(soakRows(soak))] };
  },
};

export const drillsSection: BenchSection = {
  key: 'drills',
  title: 'Fault drills (real processes, redis-server --appendonly yes)',
  async run({ full }) {
    const notes = [busy()];
    const drills = await measureDrills((full ? FULL : QUICK).drills);
    return {
      figures: drills,
      notes: [...notes, ['```', ...drillDetails(drills), '```'].join('\n')],
      tables: [figureTable(drillRows(drills))],
    };
  },
};

export const REALTIME_SECTIONS: readonly BenchSection[] = [
  realtimeLatencySection,
  gatewayLoadSection,
  soakSection,
  drillsSection,
];
