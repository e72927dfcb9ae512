import type { DrillOptions } from './drills/drills';
import type { LatencyOptions } from './latency';
import type { LoadOptions } from './load';
import type { SoakOptions } from './soak';
import type { ThroughputOptions } from './throughput';

/** The sizes of the real-process benchmarks in `--quick` (the default of `npm run bench`) and `--full`. */
export interface RealtimePreset {
  latency: LatencyOptions;
  throughput: ThroughputOptions;
  load: LoadOptions;
  soak: SoakOptions;
  drills: DrillOptions;
}

export const QUICK: Readonly<RealtimePreset> = Object.freeze({
  latency: { samples: 60 },
  throughput: { events: 5000 },
  load: { sockets: 10_000, probeRounds: 10 },
  soak: { durationMs: 60_000, warmupMs: 15_000 },
  drills: { full: false },
});

export const FULL: Readonly<RealtimePreset> = Object.freeze({
  latency: { samples: 300 },
  throughput: { events: 30_000 },
  load: { sockets: 10_000, probeRounds: 50 },
  soak: { durationMs: 600_000, warmupMs: 60_000, settleMaxMs: 900_000 },
  drills: { full: true },
});
