import type { AppActionKind, LatencyDistribution } from '../../../lib/simulator';

/**
 * A detection-benchmark workload (a JSON file, see config/workloads/): who listens, how they use the Spotify
 * app, what they play, for how long. Rates are app actions per hour, drawn per listener from a distribution,
 * so listeners differ as real ones do; the scheduler is never told them.
 */
export interface Workload {
  name: string;
  description?: string;
  /** Seeds the simulator (catalog, actors, ads) and the listeners' plans. */
  seed: number | string;
  /** Listeners, all subscribed (active) for the whole run. */
  listeners: number;
  /** Virtual time measured, after the warm-up. */
  durationMinutes: number;
  /** Virtual time before the measurement starts (first polls, rate learning); its changes are not counted. */
  warmupMinutes: number;
  /** The smaller run of `npm run bench` without `--full`; fields left out are the full run's. */
  quick?: Partial<Scale>;
  states: {
    /**
     * Playing listeners: `actionsPerHour` of app actions split by `mix` (relative weights). The same kinds
     * apply while paused (a skip there starts playback), except `pause` itself.
     */
    playing: {
      share: number;
      actionsPerHour: RateDistribution;
      mix: Partial<Record<PlayingActionKind, number>>;
    };
    /** Paused listeners resume at `resumesPerHour` (besides the playing mix's kinds that apply). */
    paused: { share: number; resumesPerHour: RateDistribution };
    /** Listeners with no active device start playback at `startsPerHour`. */
    idle: { share: number; startsPerHour: RateDistribution };
  };
  /**
   * Bursts of activity: each listener spends `fraction` of the time in bursts of `meanMinutes` (exponential)
   * in which every rate is `factor` times higher. Null: steady rates.
   */
  bursts: { fraction: number; factor: number; meanMinutes: number } | null;
  /** The catalog's track-length mix and what else plays. */
  tracks: {
    /** Tracks shorter than 30 s (8–29 s): several can end between two polls. */
    shortFraction: number;
    /** Tracks of 6–12 min. */
    longFraction: number;
    /** Chance that a `start`/`context` picks a podcast. */
    podcastChance: number;
    /** Chance of an ad break after a track ends. */
    adChance: number;
  };
  /** Request latency of the player and queue reads. */
  latency: LatencyDistribution;
}

/** The app actions of the playing mix (resume and start have states of their own). */
export type PlayingActionKind = Exclude<AppActionKind, 'resume' | 'start'>;

/** Per-listener rate, in actions per hour. */
export type RateDistribution =
  | { type: 'fixed'; perHour: number }
  | { type: 'uniform'; min: number; max: number }
  | { type: 'logUniform'; min: number; max: number }
  | { type: 'logNormal'; median: number; sigma: number };

/** How big a run is. */
export interface Scale {
  listeners: number;
  durationMinutes: number;
  warmupMinutes: number;
}

/** The full run's scale, or the quick one's. */
export function scaleOf(workload: Workload, full: boolean): Scale {
  const base: Scale = {
    listeners: workload.listeners,
    durationMinutes: workload.durationMinutes,
    warmupMinutes: workload.warmupMinutes,
  };
  return full ? base : { ...base, ...workload.quick };
}
