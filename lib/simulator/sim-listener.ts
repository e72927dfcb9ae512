import type { Random } from '../random/random';
import type { ActorRates, ScheduledAction } from './actors';
import { ActionScript, Actor } from './actors';
import type { AppAction, AppActionContext } from './app-actions';
import { applyAppAction } from './app-actions';
import type { Catalog } from './catalog';
import type { ListenerProfile } from './listener-setup';
import type { ModelContext, ModelSettings, Outcome } from './listener-model';
import { naturalEnd } from './listener-model';
import type { PlayerError } from './player-error';
import type { ListenerState } from './player-state';
import { naturalEndAt } from './player-state';
import { diffStates } from './state-diff';
import type { TruthCause, TruthRecord } from './truth';
import { VisibleState } from './visible-state';

/** Settings the world can change while running (in place): every listener reads the same object. */
export interface SharedSettings {
  model: ModelSettings;
  /** Chance that an actor's `start`/`context` picks a podcast show. */
  podcastChance: number;
  /** How long after an API command the API keeps showing the old state: uniform in [minMs, maxMs]. */
  consistency: { minMs: number; maxMs: number };
}

/** A command shows after a delay uniform in [0, 1000] ms, like Spotify's eventual consistency. */
export const DEFAULT_CONSISTENCY: Readonly<SharedSettings['consistency']> = Object.freeze({
  minMs: 0,
  maxMs: 1000,
});

export const DEFAULT_PODCAST_CHANCE = 0.1;

export type TruthSink = (record: Omit<TruthRecord, 'seq'>) => void;

export interface ListenerDeps {
  catalog: Catalog;
  settings: SharedSettings;
  /** The listener's own stream; forked per purpose so actors, the model and delays do not disturb each other. */
  random: Random;
  sink: TruthSink;
  /** Called after every change of the true state (the world reschedules the listener's next event). */
  changed: (listener: SimListener) => void;
}

/**
 * One listener at runtime: the true state, what the API shows (`visible`), their actor and script. The world
 * calls `runNextEvent` in global time order; every change goes through `commit`, which diffs the states,
 * records the truth and schedules visibility.
 */
export class SimListener {
  readonly visible: VisibleState;
  /** Bumped whenever the next event time may have changed, so stale heap entries are skipped. */
  heapVersion = 0;
  private current: ListenerState;
  private readonly script = new ActionScript();
  private actor: Actor | null = null;
  private readonly model: ModelContext;
  private readonly actions: Omit<AppActionContext, 'podcastChance'>;
  private readonly actorRandom: Random;
  private readonly delayRandom: Random;

  constructor(
    readonly profile: ListenerProfile,
    initial: ListenerState,
    at: number,
    private readonly deps: ListenerDeps,
  ) {
    this.current = initial;
    this.visible = new VisibleState(initial, at);
    this.model = {
      random: deps.random.fork('model'),
      settings: deps.settings.model,
      autoplayContexts: deps.catalog.musicContexts,
    };
    this.actorRandom = deps.random.fork('actor');
    this.delayRandom = deps.random.fork('consistency');
    this.actions = {
      catalog: deps.catalog,
      model: this.model,
      random: deps.random.fork('action-parameters'),
    };
  }

  /** The true state (what the API shows is `visible.at(now)`). */
  get state(): ListenerState {
    return this.current;
  }

  get id(): string {
    return this.profile.id;
  }

  get actorRates(): Readonly<ActorRates> | null {
    return this.actor?.currentRates ?? null;
  }

  /** Starts, changes (null: stops) the actor from `at` on. */
  setActor(rates: ActorRates | null, at: number): void {
    if (rates === null) this.actor = null;
    else if (this.actor) this.actor.setRates(rates, at);
    else this.actor = new Actor(rates, this.actorRandom, at);
  }

  addScript(entries: readonly ScheduledAction[]): void {
    this.script.add(entries);
  }

  /** When the next natural end, scripted or actor action happens (Infinity: none). */
  nextEventAt(): number {
    return Math.min(
      naturalEndAt(this.state) ?? Infinity,
      this.script.nextAt(),
      this.actor?.nextAt() ?? Infinity,
    );
  }

  /** Processes the earliest event, at its own time. Ties: natural end, then script, then actor. */
  runNextEvent(): void {
    const end = naturalEndAt(this.state) ?? Infinity;
    const scripted = this.script.nextAt();
    const acting = this.actor?.nextAt() ?? Infinity;
    if (end <= scripted && end <= acting && end < Infinity) {
      this.commit(naturalEnd(this.state, end, this.model), end, 'natural_end', 'natural_end');
    } else if (scripted <= acting && scripted < Infinity) {
      const entry = this.script.take() as ScheduledAction;
      this.act(entry.action, entry.at);
    } else if (this.actor && acting < Infinity) {
      const action = this.actor.take(this.state);
      if (action) this.act(action, acting);
    }
  }

  /** An action in the Spotify app at `at`; false when it does not apply in the current state. */
  act(action: AppAction, at: number): boolean {
    const after = applyAppAction(this.state, at, action, {
      ...this.actions,
      podcastChance: this.deps.settings.podcastChance,
    });
    if (!after) return false;
    this.commit(after, at, 'app', action.kind);
    return true;
  }

  /** A Web API command at `at`: the new state, visible after the consistency delay; or Spotify's refusal. */
  command(
    at: number,
    endpoint: string,
    transition: (state: ListenerState, model: ModelContext) => Outcome,
  ): PlayerError | null {
    const outcome = transition(this.state, this.model);
    if ('error' in outcome) return outcome.error;
    const { minMs, maxMs } = this.deps.settings.consistency;
    const delay = maxMs > 0 ? Math.round(this.delayRandom.between(minMs, maxMs)) : 0;
    this.commit(outcome.state, at, 'api', endpoint, delay);
    return null;
  }

  private commit(after: ListenerState, at: number, cause: TruthCause, action: string, delayMs = 0): void {
    const changes = diffStates(this.current, after);
    this.current = after;
    this.deps.changed(this);
    if (changes.length === 0) return;
    const visibleAt = this.visible.push(after, at, delayMs);
    for (const change of changes) {
      this.deps.sink({ ...change, listenerId: this.profile.id, at, visibleAt, cause, action });
    }
  }
}
