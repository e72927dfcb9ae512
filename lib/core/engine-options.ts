/**
 * Thresholds of the diff and the attribution. Every option has a documented default; `resolveEngineOptions`
 * validates overrides up front and says exactly which one is wrong.
 */
export interface EngineOptions {
  /**
   * A position that differs from the extrapolated one by more than this is a seek (allows for request latency
   * and Spotify's own rounding). Default 3000.
   */
  seekToleranceMs: number;
  /**
   * Volume changes observed within this long of the previous one are one slider drag: a single `volumeChanged`
   * with the final value, released by the first observation past the window or by `flush`. Default 2000.
   */
  volumeCoalesceMs: number;
  /**
   * An unhinted track change is `auto` (the item simply ended) when the previous item, extrapolated, had reached
   * its end or was within this long of it. Default 3000.
   */
  endWindowMs: number;
  /** Same-URI restart: the new position is within this long of the start... Default 12000. */
  restartNearStartMs: number;
  /** ...or within this fraction of the duration from the start. Default 0.15. */
  restartNearStartFraction: number;
  /** ...after the last observation had listened to at least this fraction... Default 0.5. */
  restartListenedFraction: number;
  /** ...or was within this long of the end... Default 12000. */
  restartNearEndMs: number;
  /** ...or within this fraction of the duration from the end. Default 0.15. */
  restartNearEndFraction: number;
  /**
   * How many upcoming items Spotify's queue endpoint shows (a window onto the queue and the context). Only a list
   * that filled the window can have items slide in at its tail (after an advance or a removal) or fall off it
   * (after an insertion); a shorter list shows everything, so such items are edits. A whole number >= 1.
   * Default 20, as Spotify shows (and lib/simulator's QUEUE_LENGTH).
   */
  queueWindowItems: number;
}

export const DEFAULT_ENGINE_OPTIONS: Readonly<EngineOptions> = Object.freeze({
  seekToleranceMs: 3000,
  volumeCoalesceMs: 2000,
  endWindowMs: 3000,
  restartNearStartMs: 12_000,
  restartNearStartFraction: 0.15,
  restartListenedFraction: 0.5,
  restartNearEndMs: 12_000,
  restartNearEndFraction: 0.15,
  queueWindowItems: 20,
});

const FRACTIONS = new Set<keyof EngineOptions>([
  'restartNearStartFraction',
  'restartListenedFraction',
  'restartNearEndFraction',
]);

const COUNTS = new Set<keyof EngineOptions>(['queueWindowItems']);

/** Defaults merged with `overrides`, validated and frozen. Throws a RangeError naming the bad option. */
export function resolveEngineOptions(overrides: Partial<EngineOptions> = {}): Readonly<EngineOptions> {
  const options = { ...DEFAULT_ENGINE_OPTIONS, ...overrides };
  for (const key of Object.keys(options) as (keyof EngineOptions)[]) {
    if (!(key in DEFAULT_ENGINE_OPTIONS)) throw new RangeError(`Unknown engine option \`${key}\``);
    const value = options[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `Engine option \`${key}\` must be a finite number >= 0, got ${JSON.stringify(value)}`,
      );
    }
    if (FRACTIONS.has(key) && value > 1) {
      throw new RangeError(
        `Engine option \`${key}\` is a fraction and must be between 0 and 1, got ${value}`,
      );
    }
    if (COUNTS.has(key) && (!Number.isInteger(value) || value < 1)) {
      throw new RangeError(`Engine option \`${key}\` must be a whole number >= 1, got ${value}`);
    }
  }
  return Object.freeze(options);
}
