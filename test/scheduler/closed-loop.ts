import { SeededRandom } from '../../lib/random/random';
import type {
  Allocation,
  ModeRates,
  PlannedRequest,
  SchedulerTuning,
  UserSchedule,
} from '../../lib/scheduler';
import {
  afterPlayerPoll,
  afterQueuePoll,
  allocate,
  isUrgentPoll,
  pacedAt,
  modeOf,
  newUserSchedule,
  planNextPoll,
} from '../../lib/scheduler';
import { T0 } from '../core/builders';
import type { SimListener } from './sim-listeners';
import { advance, newListener, snapshotOf } from './sim-listeners';

/**
 * A small closed loop in virtual time: listeners whose app actions are Poisson per state (with ground truth),
 * natural track ends, a request latency, the loop's request policy (deferrable requests paced, every request
 * held to the budget ledger's sliding window), and either the scheduler or a fixed-interval poller. It
 * measures what the detection benchmark measures, so the tests can hold the design to the same bar. Rates per
 * state are changes per hour; a fixed poller's are intervals in ms.
 */

const HOUR_MS = 3_600_000;

export interface LoopOptions {
  rates: readonly ModeRates[];
  pollsPerWindow: number;
  durationMs: number;
  tuning: SchedulerTuning;
  latencyMs: number;
  seed: string;
  /** Omit for the scheduler; otherwise the fixed-interval baseline's interval per state. */
  fixedIntervals?: ModeRates;
}

export interface LoopResult {
  playerRequests: number;
  queueRequests: number;
  naturalEnds: number;
  changeDelays: number[];
  endDelays: number[];
  /** Most requests sent in any window (the budget ledger's view). */
  maxPerWindow: number;
  /** Requests the ledger made wait. */
  refusals: number;
  /**
   * Mean delay of unpredictable changes ÷ the square-root-law optimum with the true rates and P − E polls.
   */
  ratioToOptimum: number;
  meanChangeDelayMs: number;
  optimumMs: number;
  schedules: UserSchedule[];
}

interface Candidate {
  index: number;
  request: DueRequest;
  /** When the request wants to go: its due time, paced when deferrable. */
  wanted: number;
  /** When the budget ledger lets it go. */
  at: number;
}

export function runClosedLoop(options: LoopOptions): LoopResult {
  const { tuning, latencyMs } = options;
  const random = new SeededRandom(options.seed);
  const listeners = options.rates.map((rates, i) => newListener(rates, random.fork(`listener-${i}`)));
  const jitter = random.fork('scheduler');
  const schedules = listeners.map(() => newUserSchedule());
  const end = T0 + options.durationMs;
  const sent: number[] = [];
  const changeDelays: number[] = [];
  const endDelays: number[] = [];
  let queueRequests = 0;
  let refusals = 0;
  let allocation = allocate(schedules, options.pollsPerWindow, T0, tuning);
  let lastDeferrableAt: number | null = null;
  for (;;) {
    const now = sent.at(-1) ?? T0;
    if (now - allocation.computedAt >= 1000)
      allocation = allocate(schedules, options.pollsPerWindow, now, tuning);
    const next = nextCandidate(schedules, allocation, sent, lastDeferrableAt, options);
    if (next === null || next.at > end) break;
    const { index, request, at } = next;
    if (at > next.wanted) refusals += 1;
    sent.push(at);
    if (!isUrgentPoll(request)) lastDeferrableAt = at;
    const listener = listeners[index]!;
    const readAt = at + latencyMs / 2;
    const observedAt = at + latencyMs;
    advance(listener, readAt);
    if (request.endpoint === 'queue') {
      queueRequests += 1;
      schedules[index] = afterQueuePoll(schedules[index]!, { observedAt, sawExpectedChange: false });
      continue;
    }
    const changes = listener.pendingChanges.splice(0);
    const ends = listener.pendingEnds.splice(0);
    for (const t of changes) changeDelays.push(observedAt - t);
    for (const t of ends) endDelays.push(observedAt - t);
    const outcome = {
      snapshot: snapshotOf(listener, readAt, observedAt),
      sawUnpredictableChange: changes.length > 0,
      sawNaturalEnd: ends.length > 0,
      sawExpectedChange: false,
    };
    schedules[index] = afterPlayerPoll(schedules[index]!, outcome, tuning, jitter);
  }
  for (const listener of listeners) advance(listener, end);
  const playerRequests = sent.length - queueRequests;
  const optimumMs = optimumDelayMs(listeners, playerRequests - endDelays.length);
  const meanChangeDelayMs = mean(changeDelays);
  return {
    playerRequests,
    queueRequests,
    naturalEnds: endDelays.length,
    changeDelays,
    endDelays,
    maxPerWindow: maxInWindow(sent, tuning.windowMs),
    refusals,
    ratioToOptimum: meanChangeDelayMs / optimumMs,
    meanChangeDelayMs,
    optimumMs,
    schedules,
  };
}

/**
 * The request that can go first: each user's player and queue requests, deferrable ones paced, all held to
 * the budget ledger (at most `pollsPerWindow` in any (t − W, t]).
 */
function nextCandidate(
  schedules: readonly UserSchedule[],
  allocation: Allocation,
  sent: readonly number[],
  lastDeferrableAt: number | null,
  options: LoopOptions,
): Candidate | null {
  const now = sent.at(-1) ?? T0;
  const ledgerFreeAt = (sent[sent.length - options.pollsPerWindow] ?? -Infinity) + options.tuning.windowMs;
  let best: Candidate | null = null;
  for (let index = 0; index < schedules.length; index++) {
    for (const request of nextRequests(schedules[index]!, allocation, now, options)) {
      const wanted = options.fixedIntervals ? request.at : pacedAt(request, lastDeferrableAt, allocation);
      const at = Math.max(wanted, ledgerFreeAt);
      if (best === null || at < best.at) best = { index, request, wanted, at };
    }
  }
  return best;
}

type DueRequest = PlannedRequest & { at: number };

function nextRequests(
  schedule: UserSchedule,
  allocation: Allocation,
  now: number,
  options: LoopOptions,
): DueRequest[] {
  const fixed = options.fixedIntervals;
  if (fixed) {
    const at = schedule.lastPollAt === null ? now : schedule.lastPollAt + fixed[modeOf(schedule.playback)];
    return [{ at, endpoint: 'player', reason: 'cadence' }];
  }
  const { player, queue } = planNextPoll(schedule, allocation, now, options.tuning);
  const requests: DueRequest[] = [{ at: player.at, endpoint: 'player', reason: player.reason }];
  if (queue !== null) requests.push({ at: queue.at, endpoint: 'queue', reason: queue.reason });
  return requests;
}

/** (Σ τₖ√λₖ)² / (2·P·Σ τₖλₖ) over listener-states k, τₖ the time spent there: the square-root-law optimum. */
function optimumDelayMs(listeners: readonly SimListener[], polls: number): number {
  let roots = 0;
  let changes = 0;
  for (const listener of listeners) {
    for (const mode of ['playing', 'paused', 'no_device'] as const) {
      const rate = listener.rates[mode] / HOUR_MS;
      roots += listener.timeIn[mode] * Math.sqrt(rate);
      changes += listener.timeIn[mode] * rate;
    }
  }
  return (roots * roots) / (2 * polls * changes);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while (times[first]! <= times[last]! - windowMs) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}
