import type { Random } from '../../../lib/random/random';
import { SeededRandom } from '../../../lib/random/random';
import type { ActorRates } from '../../../lib/simulator';
import { APP_ACTION_KINDS } from '../../../lib/simulator/app-actions';
import type { InitialPlayback } from '../../../lib/simulator/listener-setup';
import { PLAYING_ACTION_KINDS } from './load-workload';
import type { RateDistribution, Workload } from './workload';

/**
 * What each listener of a workload does, drawn once from the workload's seed so every poller faces the same
 * listeners: where playback starts, the actor's rates per action kind, and the burst phases (when the rates
 * are multiplied, and by how much). The simulator's actors then act on their own seeded streams, so the
 * ground truth is identical for every poller.
 */
export interface ListenerPlan {
  initial: InitialPlayback;
  /** Actions per hour per kind, outside bursts. */
  rates: ActorRates;
  /** Rate multipliers over time (offsets from the start of the run, ascending; the first at 0). */
  phases: RatePhase[];
}

export interface RatePhase {
  atMs: number;
  factor: number;
}

const MINUTE_MS = 60_000;

export function planListeners(workload: Workload, listeners: number, runMs: number): ListenerPlan[] {
  const root = new SeededRandom(`${workload.seed}/listener-plans`);
  return Array.from({ length: listeners }, (_, index) =>
    planListener(workload, root.fork(String(index)), runMs),
  );
}

function planListener(workload: Workload, random: Random, runMs: number): ListenerPlan {
  const { playing, paused, idle } = workload.states;
  const roll = random.next();
  const initial: InitialPlayback =
    roll < playing.share ? 'playing' : roll < playing.share + paused.share ? 'paused' : 'idle';
  const rates = Object.fromEntries(APP_ACTION_KINDS.map((kind) => [kind, 0])) as ActorRates;
  const actions = draw(playing.actionsPerHour, random);
  const weights = PLAYING_ACTION_KINDS.reduce((sum, kind) => sum + (playing.mix[kind] ?? 0), 0);
  for (const kind of PLAYING_ACTION_KINDS) rates[kind] = (actions * (playing.mix[kind] ?? 0)) / weights;
  rates.resume = draw(paused.resumesPerHour, random);
  rates.start = draw(idle.startsPerHour, random);
  return { initial, rates, phases: phasesOf(workload.bursts, random, runMs) };
}

/** One listener's rate from a distribution, actions per hour. */
export function draw(distribution: RateDistribution, random: Random): number {
  switch (distribution.type) {
    case 'fixed':
      return distribution.perHour;
    case 'uniform':
      return random.between(distribution.min, distribution.max);
    case 'logUniform':
      return Math.exp(random.between(Math.log(distribution.min), Math.log(distribution.max)));
    case 'logNormal':
      return distribution.median * Math.exp(distribution.sigma * standardNormal(random));
  }
}

/** Box–Muller. */
function standardNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** Alternating calm and burst phases with exponential lengths, `fraction` of the time in bursts. */
function phasesOf(bursts: Workload['bursts'], random: Random, runMs: number): RatePhase[] {
  if (bursts === null) return [{ atMs: 0, factor: 1 }];
  const burstMs = bursts.meanMinutes * MINUTE_MS;
  const calmMs = (burstMs * (1 - bursts.fraction)) / bursts.fraction;
  let inBurst = random.chance(bursts.fraction);
  const phases: RatePhase[] = [];
  for (let at = 0; at < runMs; inBurst = !inBurst) {
    phases.push({ atMs: at, factor: inBurst ? bursts.factor : 1 });
    at += Math.max(1, Math.round(random.exponential(inBurst ? burstMs : calmMs)));
  }
  return phases;
}

/** The rates of a phase. */
export function scaledRates(rates: ActorRates, factor: number): ActorRates {
  return Object.fromEntries(APP_ACTION_KINDS.map((kind) => [kind, rates[kind] * factor])) as ActorRates;
}
