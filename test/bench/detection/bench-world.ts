import type { ActorRates, ListenerCredentials } from '../../../lib/simulator';
import { SimWorld } from '../../../lib/simulator';
import type { ListenerState } from '../../../lib/simulator/player-state';
import type { Clock } from '../../../lib/time/clock';
import type { ListenerPlan } from './listener-plan';
import { scaledRates } from './listener-plan';
import type { Workload } from './workload';

/**
 * The simulated Spotify of one benchmark run. Every poller gets its own world built from the same workload,
 * seed and listener plans, so the ground truth is the same for all of them (pollers only read; the actors
 * draw from their own streams). `rateLimit` is the app's quota per 30 s window (the simulator's 429s and
 * growing penalties past it), or null for none.
 */
export interface BenchWorld {
  world: SimWorld;
  listeners: ListenerCredentials[];
  /** Each listener's state when the run starts (for the optimum's state timeline). */
  initialStates: ListenerState[];
  startedAt: number;
  /** Rate changes at burst boundaries, in time order. */
  rateChanges: RateChange[];
}

export interface RateChange {
  at: number;
  listenerId: string;
  rates: ActorRates;
}

export const WINDOW_MS = 30_000;
const TOKEN_TTL_MS = 30 * 24 * 3_600_000;

export function createBenchWorld(
  workload: Workload,
  plans: readonly ListenerPlan[],
  clock: Clock,
  rateLimit: number | null,
): BenchWorld {
  const world = new SimWorld(clock, {
    seed: workload.seed,
    // Only app actions and natural ends happen: they are visible at once.
    consistency: { minMs: 0, maxMs: 0 },
    catalog: {
      shortTrackFraction: workload.tracks.shortFraction,
      longTrackFraction: workload.tracks.longFraction,
    },
    model: { adChance: workload.tracks.adChance },
    podcastChance: workload.tracks.podcastChance,
    // Token refreshes are not what is measured.
    tokens: { accessTokenTtlMs: TOKEN_TTL_MS },
    rateLimit: { limit: rateLimit ?? Number.MAX_SAFE_INTEGER, windowMs: WINDOW_MS },
  });
  world.setFaults([{ kind: 'latency', latency: workload.latency, match: { path: '/v1/me/player*' } }]);
  const startedAt = clock.now();
  const listeners = plans.map((plan) =>
    world.addListener({ initial: plan.initial, actor: scaledRates(plan.rates, plan.phases[0]?.factor ?? 1) }),
  );
  const initialStates = listeners.map(({ id }) => world.trueState(id));
  const rateChanges = plans
    .flatMap((plan, index) =>
      plan.phases.slice(1).map((phase) => ({
        at: startedAt + phase.atMs,
        listenerId: (listeners[index] as ListenerCredentials).id,
        rates: scaledRates(plan.rates, phase.factor),
      })),
    )
    .sort((a, b) => a.at - b.at);
  return { world, listeners, initialStates, startedAt, rateChanges };
}
