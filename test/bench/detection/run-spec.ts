import type { ListenerPlan } from './listener-plan';
import type { Workload } from './workload';

/** One poller's run: the workload, its listeners, how long, and the app's quota in the simulator. */
export interface RunSpec {
  workload: Workload;
  plans: readonly ListenerPlan[];
  /** Warm-up plus measured time. */
  runMs: number;
  /** Polling goes on this long after the run, so that changes near its end are still seen. */
  tailMs: number;
  /** The simulator's limit per 30 s window (429s past it), or null for none. */
  rateLimit: number | null;
}
