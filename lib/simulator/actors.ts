import type { Random } from '../random/random';
import type { AppAction, AppActionKind } from './app-actions';
import { APP_ACTION_KINDS } from './app-actions';
import type { ListenerState } from './player-state';
import { activeDevice } from './player-state';

/**
 * A simulated listener using the Spotify app: each action kind happens as a Poisson process at its own rate
 * (per hour). Candidates are drawn at the total rate and a kind picked in proportion to its rate; a kind that
 * does not apply in the current state (resume while playing, start while a device is active) does nothing, so
 * each kind's rate holds within the states it applies to. A volume change is a slider drag: several steps
 * within a second or two. Everything is drawn from the actor's own Random, so a seed gives the same timeline.
 */

/** Events per hour, per action kind. */
export type ActorRates = Record<AppActionKind, number>;

/**
 * A plausible mix: about eight skips an hour, a pause every half hour, short pauses (resume within ~3 min),
 * sessions of ~2 h (stop) with ~10 min off between them (start).
 */
export const DEFAULT_ACTOR_RATES: Readonly<ActorRates> = Object.freeze({
  skip: 8,
  previous: 1,
  pause: 2,
  resume: 20,
  seek: 1,
  volume: 2,
  device: 0.5,
  queue_add: 2,
  queue_clear: 0.2,
  stop: 0.5,
  start: 6,
  context: 0.5,
  shuffle: 0.3,
  repeat: 0.2,
});

export interface ScheduledAction {
  at: number;
  action: AppAction;
}

const HOUR_MS = 3_600_000;

export class Actor {
  private rates: ActorRates;
  private totalPerMs = 0;
  private candidateAt = Infinity;
  private readonly dragSteps: ScheduledAction[] = [];

  constructor(
    rates: ActorRates,
    private readonly random: Random,
    from: number,
  ) {
    this.rates = rates;
    this.setRates(rates, from);
  }

  get currentRates(): Readonly<ActorRates> {
    return this.rates;
  }

  /** New rates from `from` on (the next candidate is redrawn; a drag in progress finishes). */
  setRates(rates: ActorRates, from: number): void {
    this.rates = { ...rates };
    this.totalPerMs = APP_ACTION_KINDS.reduce((sum, kind) => sum + rates[kind], 0) / HOUR_MS;
    this.candidateAt = this.totalPerMs > 0 ? from + this.gapMs() : Infinity;
  }

  /** When the actor does something next (Infinity: never). */
  nextAt(): number {
    const step = this.dragSteps[0];
    return step && step.at <= this.candidateAt ? step.at : this.candidateAt;
  }

  /** The action due at `nextAt()`, or null when the drawn kind does not apply to `state`. */
  take(state: ListenerState): AppAction | null {
    const step = this.dragSteps[0];
    if (step && step.at <= this.candidateAt) {
      this.dragSteps.shift();
      return step.action;
    }
    const at = this.candidateAt;
    this.candidateAt = at + this.gapMs();
    const kind = this.drawKind();
    if (kind === 'volume') return this.startDrag(state, at);
    return { kind } as AppAction;
  }

  /** Whole milliseconds keep positions and truth times integers, like Spotify's. */
  private gapMs(): number {
    return Math.round(this.random.exponential(1 / this.totalPerMs));
  }

  private drawKind(): AppActionKind {
    let roll = this.random.next() * this.totalPerMs * HOUR_MS;
    for (const kind of APP_ACTION_KINDS) {
      roll -= this.rates[kind];
      if (roll < 0) return kind;
    }
    return APP_ACTION_KINDS.findLast((kind) => this.rates[kind] > 0) as AppActionKind;
  }

  /** A slider drag: the first step now, the others within the next 0.3–2 s. */
  private startDrag(state: ListenerState, at: number): AppAction | null {
    const device = activeDevice(state);
    if (!device) return null;
    const target = this.random.int(101);
    if (target === device.volume) return null;
    const steps = this.random.chance(0.3) ? 1 : 2 + this.random.int(5);
    const spanMs = this.random.between(300, 2000);
    for (let i = 2; i <= steps; i++) {
      const volume = Math.round(device.volume + ((target - device.volume) * i) / steps);
      this.dragSteps.push({
        at: at + Math.round((spanMs * (i - 1)) / (steps - 1)),
        action: { kind: 'volume', volume },
      });
    }
    return { kind: 'volume', volume: Math.round(device.volume + (target - device.volume) / steps) };
  }
}

/** Explicit actions at given times (`[{ at, action }]`), kept in time order; equal times keep insertion order. */
export class ActionScript {
  private readonly entries: ScheduledAction[] = [];

  add(entries: readonly ScheduledAction[]): void {
    for (const entry of entries) {
      const index = this.entries.findIndex((e) => e.at > entry.at);
      if (index < 0) this.entries.push(entry);
      else this.entries.splice(index, 0, entry);
    }
  }

  nextAt(): number {
    return this.entries[0]?.at ?? Infinity;
  }

  take(): ScheduledAction | undefined {
    return this.entries.shift();
  }
}
