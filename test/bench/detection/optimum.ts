import type { ActorRates, TruthRecord } from '../../../lib/simulator';
import type { ListenerState } from '../../../lib/simulator/player-state';
import type { ListenerPlan } from './listener-plan';
import { scaledRates } from './listener-plan';
import type { RunRecord } from './run-record';

/**
 * The bar of DESIGN section 8: the least mean delay any poller could reach for unpredictable changes with P
 * player requests, knowing every listener's true rates. A listener-state k (a listener, over a stretch of
 * time τₖ in which their actor's rate λₖ of player-visible actions is constant) polled at rate rₖ waits
 * 1/(2rₖ) per change; minimizing Σ τₖλₖ/(2rₖ) / Σ τₖλₖ under Σ τₖrₖ = P gives rₖ ∝ √λₖ (the square-root law)
 * and the mean delay (Σ τₖ√λₖ)² / (2·P·Σ τₖλₖ).
 *
 * λ comes from the actor's rates (this phase's, with bursts) for the kinds that change something
 * `GET /v1/me/player` shows in the listener's true state at the time: no device → `start`; an ad → no skip,
 * previous or seek; playing → `pause`, paused → `resume`; `volume` only on a device that has one (and
 * 100/101 of the draws: the slider may land where it was). Queue edits are left out (another endpoint).
 */
export interface OptimumInput {
  run: RunRecord;
  plans: readonly ListenerPlan[];
  from: number;
  to: number;
}

export interface RateIntegrals {
  /** Σ τ√λ, in ms·√(per ms). */
  rootSum: number;
  /** Σ τλ: the expected number of unpredictable player-visible changes in [from, to). */
  expectedChanges: number;
}

/** The optimum mean delay in ms for `playerPolls` requests spent on unpredictable changes (NaN for none). */
export function optimumDelayMs(integrals: RateIntegrals, playerPolls: number): number {
  if (!(playerPolls > 0) || integrals.expectedChanges === 0) return Number.NaN;
  return (integrals.rootSum * integrals.rootSum) / (2 * playerPolls * integrals.expectedChanges);
}

const HOUR_MS = 3_600_000;

export function rateIntegrals({ run, plans, from, to }: OptimumInput): RateIntegrals {
  const recordsOf = new Map<string, TruthRecord[]>();
  for (const record of run.truth) {
    let list = recordsOf.get(record.listenerId);
    if (!list) recordsOf.set(record.listenerId, (list = []));
    list.push(record);
  }
  const total: RateIntegrals = { rootSum: 0, expectedChanges: 0 };
  run.listenerIds.forEach((id, index) => {
    const plan = plans[index] as ListenerPlan;
    const phaseStarts = plan.phases.map((phase) => ({
      at: run.startedAt + phase.atMs,
      factor: phase.factor,
    }));
    integrateListener(
      run.initialStates[index] as ListenerState,
      recordsOf.get(id) ?? [],
      plan.rates,
      phaseStarts,
      from,
      to,
      total,
    );
  });
  return total;
}

interface Playback {
  active: boolean;
  playing: boolean;
  ad: boolean;
  volume: boolean;
}

function integrateListener(
  initial: ListenerState,
  records: readonly TruthRecord[],
  baseRates: ActorRates,
  phases: readonly { at: number; factor: number }[],
  from: number,
  to: number,
  total: RateIntegrals,
): void {
  const supportsVolume = new Map(initial.devices.map((device) => [device.id, device.supportsVolume]));
  const state: Playback = {
    active: initial.activeDeviceId !== null,
    playing: initial.isPlaying,
    ad: initial.playing.kind === 'ad',
    volume: initial.activeDeviceId !== null && supportsVolume.get(initial.activeDeviceId) === true,
  };
  const boundaries = [
    ...records.map((record) => ({ at: record.at, record, factor: null })),
    ...phases.map((phase) => ({ at: phase.at, record: null, factor: phase.factor })),
  ].sort((a, b) => a.at - b.at);
  let factor = 1;
  let since = -Infinity;
  const add = (until: number) => {
    const start = Math.max(since, from);
    const end = Math.min(until, to);
    if (end <= start) return;
    const perMs = playerChangesPerHour(scaledRates(baseRates, factor), state) / HOUR_MS;
    total.rootSum += (end - start) * Math.sqrt(perMs);
    total.expectedChanges += (end - start) * perMs;
  };
  for (const boundary of boundaries) {
    add(boundary.at);
    since = boundary.at;
    if (boundary.factor !== null) factor = boundary.factor;
    if (boundary.record !== null) apply(state, boundary.record, supportsVolume);
  }
  add(Infinity);
}

function apply(state: Playback, record: TruthRecord, supportsVolume: ReadonlyMap<string, boolean>): void {
  switch (record.kind) {
    case 'device':
      state.active = true;
      state.volume = supportsVolume.get(record.deviceId) === true;
      return;
    case 'no_device':
      state.active = false;
      state.playing = false;
      state.volume = false;
      return;
    case 'play':
    case 'pause':
      state.playing = record.kind === 'play';
      return;
    case 'track':
    case 'ad':
      state.ad = record.kind === 'ad';
      return;
  }
}

/** The actor's rate of actions `GET /v1/me/player` can show, in this state (per hour). */
export function playerChangesPerHour(rates: ActorRates, state: Playback): number {
  if (!state.active) return rates.start;
  let perHour = rates.device + rates.stop + rates.context + rates.shuffle + rates.repeat;
  if (!state.ad) perHour += rates.skip + rates.previous + rates.seek;
  perHour += state.playing ? rates.pause : rates.resume;
  if (state.volume) perHour += (rates.volume * 100) / 101;
  return perHour;
}
