import { optimalMeanDelayMs } from '../../lib/scheduler';
import type { ActorRates, TruthRecord } from '../../lib/simulator';
import { APP_ACTION_KINDS } from '../../lib/simulator/app-actions';
import type { ListenerState } from '../../lib/simulator/player-state';
import type { ListenerPlan } from './detection/listener-plan';
import { optimumDelayMs, playerChangesPerHour, rateIntegrals } from './detection/optimum';
import type { RunRecord } from './detection/run-record';

const HOUR_MS = 3_600_000;

function rates(overrides: Partial<ActorRates>): ActorRates {
  return { ...(Object.fromEntries(APP_ACTION_KINDS.map((kind) => [kind, 0])) as ActorRates), ...overrides };
}

function listenerState(playing: boolean): ListenerState {
  return {
    isPlaying: playing,
    activeDeviceId: 'phone',
    devices: [{ id: 'phone', name: 'Phone', type: 'Smartphone', volume: 50, supportsVolume: true }],
    playing: { kind: 'item' },
  } as unknown as ListenerState;
}

function runOf(states: ListenerState[], truth: TruthRecord[] = []): RunRecord {
  return {
    truth,
    startedAt: 0,
    listenerIds: states.map((_, i) => `l${i}`),
    initialStates: states,
    polls: new Map(),
    events: new Map(),
  };
}

describe('the optimum of DESIGN section 8', () => {
  it('counts only what GET /v1/me/player shows in the state the listener is in', () => {
    const all = rates({ skip: 1, pause: 2, resume: 4, volume: 101, start: 8, queue_add: 16 });
    const playback = { active: true, playing: true, ad: false, volume: true };
    expect(playerChangesPerHour(all, playback)).toBe(1 + 2 + 100);
    expect(playerChangesPerHour(all, { ...playback, playing: false })).toBe(1 + 4 + 100);
    expect(playerChangesPerHour(all, { ...playback, ad: true })).toBe(2 + 100);
    expect(playerChangesPerHour(all, { ...playback, volume: false })).toBe(1 + 2);
    expect(playerChangesPerHour(all, { ...playback, active: false })).toBe(8);
  });

  it('agrees with the scheduler’s what-if evaluator for listeners whose rates never change', () => {
    const perHour = [2, 8, 32];
    const plans: ListenerPlan[] = perHour.map((skip) => ({
      initial: 'playing',
      rates: rates({ skip }),
      phases: [{ atMs: 0, factor: 1 }],
    }));
    const run = runOf(perHour.map(() => listenerState(true)));
    const integrals = rateIntegrals({ run, plans, from: 0, to: HOUR_MS });
    expect(integrals.expectedChanges).toBeCloseTo(42, 9);
    expect(optimumDelayMs(integrals, 600)).toBeCloseTo(optimalMeanDelayMs(perHour, 600), 6);
  });

  it('follows the listener’s state and burst phases through the window', () => {
    const plan: ListenerPlan = {
      initial: 'playing',
      rates: rates({ pause: 4, resume: 16 }),
      phases: [
        { atMs: 0, factor: 1 },
        { atMs: HOUR_MS / 2, factor: 3 },
      ],
    };
    const pause = {
      kind: 'pause',
      seq: 1,
      listenerId: 'l0',
      at: HOUR_MS / 4,
      visibleAt: HOUR_MS / 4,
      cause: 'app',
      action: 'pause',
    } as TruthRecord;
    const integrals = rateIntegrals({
      run: runOf([listenerState(true)], [pause]),
      plans: [plan],
      from: 0,
      to: HOUR_MS,
    });
    // A quarter playing (4/h), a quarter paused (16/h), half paused in a burst (48/h).
    expect(integrals.expectedChanges).toBeCloseTo(1 + 4 + 24, 9);
    const root = (perHour: number) => Math.sqrt(perHour / HOUR_MS) * (HOUR_MS / 4);
    expect(integrals.rootSum).toBeCloseTo(root(4) + root(16) + 2 * root(48), 6);
  });

  it('has no value without player requests to spend', () => {
    expect(optimumDelayMs({ rootSum: 1, expectedChanges: 1 }, 0)).toBeNaN();
  });
});
