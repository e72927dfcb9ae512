/**
 * What ops tune at run time (stored in the tuning store, checked by `resolveSchedulerTuning`). Flat, so a
 * partial override names exactly the settings it changes. Durations in ms, rates in changes per hour.
 */
export interface SchedulerTuning {
  /**
   * Requests the daemon may spend per window, all workers together (`SPOTIFY_BUDGET_PER_30S`). The loop turns
   * it into each worker's share; `allocate` takes that share. Default 100.
   */
  budgetPerWindow: number;
  /** The budget's rolling window (Spotify's is 30 s; tests use seconds). Default 30 000. */
  windowMs: number;
  /**
   * Fraction of a worker's share kept for urgent requests beyond natural ends (hint polls, fast-follows,
   * first polls) while any of them are coming; otherwise only what the natural-end polls' ups and downs need
   * is kept (see `allocate`) and the cadence spends the rest. Default 0.1.
   */
  headroomFraction: number;
  /**
   * Deferrable requests (cadence, queue timers, retries) are paced to their limit; the plan fills this
   * fraction of it, so the pacer's queue stays short. Default 0.95.
   */
  paceUtilization: number;

  /**
   * Shortest cadence interval while playing: more often is wasted on an eventually consistent API. Default
   * 1000.
   */
  playingMinIntervalMs: number;
  /**
   * Longest cadence interval while playing, kept whenever the budget can pay for every user's maximum.
   * Default 30 000.
   */
  playingMaxIntervalMs: number;
  /** Default 1000. */
  pausedMinIntervalMs: number;
  /** Default 60 000. */
  pausedMaxIntervalMs: number;
  /** Default 2000. */
  noDeviceMinIntervalMs: number;
  /** Default 120 000. */
  noDeviceMaxIntervalMs: number;

  /**
   * The change-rate prior per state, for listeners the scheduler has not learned yet (app actions per hour
   * that `GET /v1/me/player` can see). Defaults 16 (playing), 30 (paused: people resume soon), 6 (no device).
   */
  playingPriorPerHour: number;
  pausedPriorPerHour: number;
  noDevicePriorPerHour: number;
  /**
   * How many changes' worth of evidence the prior counts for: small, so a listener's own rate shows fast.
   * Default 1.
   */
  priorWeight: number;
  /**
   * Memory of the rate estimator, in time observed in a state: evidence older than this by that much weighs
   * 1/e. Counted in exposure rather than in polls, so polling faster does not make it forget faster. Default
   * 3 h.
   */
  rateMemoryMs: number;
  /**
   * A gap between observations longer than this (the user was not watched) teaches nothing. Default 600 000.
   */
  rateMaxGapMs: number;

  /**
   * Spotify is to read the natural-end poll this long after the predicted end: room for the prediction's
   * error (where in a round trip Spotify reads the state is a guess). Default 150.
   */
  endMarginMs: number;
  /**
   * A cadence poll due less than this fraction of the interval before the natural-end poll is skipped: the
   * end poll observes the same. Default 0.25 (where a poll is worth less than an average one).
   */
  endMergeFraction: number;
  /**
   * Natural-end polls are planned while the playing items' ends come at most this fraction of the share per
   * window; beyond it (a budget under about one poll per track) the cadence alone runs. Default 0.75: at 0.5,
   * a fifth of the default workload's budget sat at the threshold and end polls came and went with each
   * allocation (a third of them planned none; natural-end p95 162 s instead of 74 s).
   */
  endShareMax: number;
  /** Poll interval while waiting for a hinted change or an overdue natural end. Default 250. */
  fastFollowIntervalMs: number;
  /** Fast-following stops this long after it started, even when the hint lives longer. Default 4000. */
  fastFollowLimitMs: number;

  /** The queue endpoint is polled at least this often while a device is active. Default 120 000. */
  queueSlowIntervalMs: number;
  /** Queue polls of one user (other than a hint's) are at least this far apart. Default 5000. */
  queueMinIntervalMs: number;
  /**
   * At most this fraction of the deferrable plan goes to the queue endpoint; its intervals stretch beyond it.
   * Default 0.2.
   */
  queueShareMax: number;

  /**
   * Cadence intervals vary by ± this fraction, only to de-synchronize users (jitter raises mean delay).
   * Default 0.05.
   */
  jitterFraction: number;
  /** First delay after a 5xx or a timeout; it doubles per failure in a row. Default 1000. */
  backoffBaseMs: number;
  /** Default 60 000. */
  backoffMaxMs: number;
  /** A backoff delay is cut by up to this fraction at random, so failing users spread out. Default 0.5. */
  backoffJitterFraction: number;
}

export const DEFAULT_SCHEDULER_TUNING: Readonly<SchedulerTuning> = Object.freeze({
  budgetPerWindow: 100,
  windowMs: 30_000,
  headroomFraction: 0.1,
  paceUtilization: 0.95,
  playingMinIntervalMs: 1000,
  playingMaxIntervalMs: 30_000,
  pausedMinIntervalMs: 1000,
  pausedMaxIntervalMs: 60_000,
  noDeviceMinIntervalMs: 2000,
  noDeviceMaxIntervalMs: 120_000,
  playingPriorPerHour: 16,
  pausedPriorPerHour: 30,
  noDevicePriorPerHour: 6,
  priorWeight: 1,
  rateMemoryMs: 3 * 3_600_000,
  rateMaxGapMs: 600_000,
  endMarginMs: 150,
  endMergeFraction: 0.25,
  endShareMax: 0.75,
  fastFollowIntervalMs: 250,
  fastFollowLimitMs: 4000,
  queueSlowIntervalMs: 120_000,
  queueMinIntervalMs: 5000,
  queueShareMax: 0.2,
  jitterFraction: 0.05,
  backoffBaseMs: 1000,
  backoffMaxMs: 60_000,
  backoffJitterFraction: 0.5,
});
