import type { PlayerSnapshot } from '../core/snapshot';
import type { RateStats } from './change-rate';
import { NO_EVIDENCE } from './change-rate';
import type { RecentActivity } from './recent-activity';
import { USUAL_ACTIVITY } from './recent-activity';

/**
 * One user's scheduling state: plain JSON data, so a worker that takes the user over can carry it on. Every
 * time is ms since the epoch, from the injected clock (or an observation's `observedAt`).
 */

/** The states with a cadence, a change-rate prior and an estimate of their own. */
export type PlaybackMode = 'playing' | 'paused' | 'no_device';

/** What the scheduler keeps of the last player observation. */
export interface PlaybackSummary {
  /** False for a 204 (no active device). */
  active: boolean;
  isPlaying: boolean;
  itemUri: string | null;
  /** The item's duration when Spotify gives one (not for ads). */
  itemDurationMs: number | null;
  /**
   * When the item ends, `(duration − progress)` after Spotify read the progress (see `summarizePlayer`), while
   * an item of known duration plays; otherwise null.
   */
  predictedEndAt: number | null;
  /**
   * How long after the request went out Spotify is taken to have read this state (half the round trip, as
   * for `predictedEndAt`; 0 when the send time is unknown): the natural-end poll goes out that much early, so
   * that its read, not its answer, lands just after the end.
   */
  readAfterSendMs: number;
}

export type QueueOwedReason = 'track_change' | 'hint';

export interface UserSchedule {
  /** Last player request sent, answered or not: the cadence runs from here. Null before the first. */
  lastPollAt: number | null;
  /** `observedAt` of the last successful player poll: the change-rate evidence runs from here. */
  lastObservedAt: number | null;
  /** `observedAt` of the first successful player poll: the queue's baseline is taken its least gap after. */
  firstObservedAt: number | null;
  /** The last successful player observation, summarized; null before the first. */
  playback: PlaybackSummary | null;
  /**
   * Uniform in [-1, 1), drawn at each poll: the next cadence interval is scaled by `1 +
   * jitterFraction·jitter`.
   */
  jitter: number;
  /** Censored change evidence per state (see change-rate.ts). */
  rates: Record<PlaybackMode, RateStats>;
  /** How busy the listener is now, as a factor on those rates (see recent-activity.ts). */
  activity: RecentActivity;
  /** A hint or nudge arrived since the last player poll: poll now. */
  hintPollDue: boolean;
  /** Fast-follow the player until then (a hinted change not yet seen); null when not following. */
  followPlayerUntil: number | null;
  /**
   * When a poll first found the item still playing past its predicted end (fast-follow is bounded from here).
   */
  endOverdueSince: number | null;
  /** Per-user backoff after 5xx or timeouts in a row; null when the last request did not fail that way. */
  backoff: { failures: number; until: number } | null;
  queue: {
    /** Last queue request sent, answered or not; null before the first. */
    lastPollAt: number | null;
    /** A queue poll is owed since `since`, after a track change or a queue hint. */
    owed: { reason: QueueOwedReason; since: number } | null;
    /** Fast-follow the queue until then (a hinted queue change not yet seen). */
    followUntil: number | null;
  };
}

/** A user the scheduler has not polled yet: the first poll is due at once, rates start from the prior. */
export function newUserSchedule(): UserSchedule {
  return {
    lastPollAt: null,
    lastObservedAt: null,
    firstObservedAt: null,
    playback: null,
    jitter: 0,
    rates: { playing: NO_EVIDENCE, paused: NO_EVIDENCE, no_device: NO_EVIDENCE },
    activity: USUAL_ACTIVITY,
    hintPollDue: false,
    followPlayerUntil: null,
    endOverdueSince: null,
    backoff: null,
    queue: { lastPollAt: null, owed: null, followUntil: null },
  };
}

/**
 * `sentAt`: when the request went out (see `PlayerPollOutcome`); the progress is taken as read halfway
 * between it and `observedAt`.
 */
export function summarizePlayer(snapshot: PlayerSnapshot, sentAt?: number): PlaybackSummary {
  const { active, isPlaying, item } = snapshot;
  const sent = sentAt !== undefined && sentAt <= snapshot.observedAt ? sentAt : snapshot.observedAt;
  const readAt = (sent + snapshot.observedAt) / 2;
  const predictedEndAt =
    active && isPlaying && item !== null ? readAt + Math.max(0, item.durationMs - snapshot.progressMs) : null;
  return {
    active,
    isPlaying: active && isPlaying,
    itemUri: active ? (item?.uri ?? null) : null,
    itemDurationMs: active ? (item?.durationMs ?? null) : null,
    predictedEndAt,
    readAfterSendMs: readAt - sent,
  };
}

/**
 * The state a summary stands for; a user not observed yet counts as playing (what a subscribed listener
 * mostly does).
 */
export function modeOf(playback: PlaybackSummary | null): PlaybackMode {
  if (playback === null) return 'playing';
  if (!playback.active) return 'no_device';
  return playback.isPlaying ? 'playing' : 'paused';
}
