import { percentile } from '../stats';
import type { ChangeStatus, MatchedChange } from './match-changes';
import type { RateIntegrals } from './optimum';
import { optimumDelayMs } from './optimum';
import type { RunRecord } from './run-record';
import type { AppActionKind } from '../../../lib/simulator';
import { APP_ACTION_KINDS } from '../../../lib/simulator/app-actions';
import type { Change, ChangeKind } from './truth-changes';

/** How one group of changes fared: counts by status, and the delays of those reported (ms). */
export interface ChangeFigures {
  changes: number;
  detected: number;
  merged: number;
  unreported: number;
  reverted: number;
  pending: number;
  unobserved: number;
  meanMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface RequestFigures {
  player: number;
  queue: number;
  /** Player requests answered 200/204 (what the optimum gets, less one per natural end). */
  answeredPlayer: number;
  /** 429s in the measured window. */
  rateLimited: number;
  /** 429s over the whole run (warm-up and tail included), and the longest `Retry-After` among them (ms). */
  rateLimitedInRun: number;
  longestRetryAfterMs: number;
  /** Requests per 30 s window, on average: all, player, queue. */
  perWindow: number;
  playerPerWindow: number;
  queuePerWindow: number;
}

/** One poller's run over the measured window. */
export interface PollerFigures {
  requests: RequestFigures;
  naturalEnds: ChangeFigures;
  /** App actions `GET /v1/me/player` shows: what the optimum is about. */
  unpredictable: ChangeFigures;
  /** Queue edits (the queue endpoint; the baselines never read it). */
  queueEdits: ChangeFigures;
  byKind: Partial<Record<ChangeKind, ChangeFigures>>;
  /** Σ τλ of the true rates: how many unpredictable changes the model expects (a check on the count above). */
  expectedUnpredictable: number;
  optimumMs: number | null;
  /** Unpredictable mean ÷ optimum. */
  ratioToOptimum: number | null;
  /**
   * The optimum had every answered player request gone to unpredictable changes: a true lower bound. The
   * optimum above (DESIGN section 8) takes one request per natural end away, so a poller that does not spend
   * one per end (a scarce budget) can come in under it.
   */
  optimumAllPollsMs: number | null;
}

export interface Window {
  from: number;
  to: number;
  windowMs: number;
}

export function pollerFigures(
  run: RunRecord,
  matched: readonly MatchedChange[],
  integrals: RateIntegrals,
  window: Window,
): PollerFigures {
  const inWindow = matched.filter(({ change }) => change.at >= window.from && change.at < window.to);
  const ends = inWindow.filter(({ change }) => change.kind === 'natural_end');
  const unpredictable = inWindow.filter(({ change }) => isUnpredictable(change));
  const queueEdits = inWindow.filter(({ change }) => change.endpoint === 'queue');
  const byKind: Partial<Record<ChangeKind, ChangeFigures>> = {};
  for (const kind of [...new Set(inWindow.map(({ change }) => change.kind))].sort()) {
    byKind[kind] = changeFigures(inWindow.filter(({ change }) => change.kind === kind));
  }
  const requests = requestFigures(run, window);
  const unpredictableFigures = changeFigures(unpredictable);
  const optimum = optimumDelayMs(integrals, requests.answeredPlayer - ends.length);
  const bound = optimumDelayMs(integrals, requests.answeredPlayer);
  return {
    requests,
    naturalEnds: changeFigures(ends),
    unpredictable: unpredictableFigures,
    queueEdits: changeFigures(queueEdits),
    byKind,
    expectedUnpredictable: integrals.expectedChanges,
    optimumMs: Number.isFinite(optimum) ? optimum : null,
    ratioToOptimum:
      Number.isFinite(optimum) && unpredictableFigures.meanMs !== null
        ? unpredictableFigures.meanMs / optimum
        : null,
    optimumAllPollsMs: Number.isFinite(bound) ? bound : null,
  };
}

/** An app action that `GET /v1/me/player` shows: what the optimum is about. */
export function isUnpredictable(change: Change): boolean {
  return APP_ACTION_KINDS.includes(change.kind as AppActionKind) && change.endpoint === 'player';
}

export function changeFigures(matched: readonly MatchedChange[]): ChangeFigures {
  const counts: Record<ChangeStatus, number> = {
    detected: 0,
    merged: 0,
    unreported: 0,
    reverted: 0,
    pending: 0,
    unobserved: 0,
  };
  const delays: number[] = [];
  for (const { status, delayMs } of matched) {
    counts[status]++;
    if (delayMs !== null) delays.push(delayMs);
  }
  delays.sort((a, b) => a - b);
  const empty = delays.length === 0;
  return {
    changes: matched.length,
    ...counts,
    meanMs: empty ? null : delays.reduce((sum, d) => sum + d, 0) / delays.length,
    p50Ms: empty ? null : percentile(delays, 0.5),
    p95Ms: empty ? null : percentile(delays, 0.95),
  };
}

function requestFigures(run: RunRecord, { from, to, windowMs }: Window): RequestFigures {
  const figures = {
    player: 0,
    queue: 0,
    answeredPlayer: 0,
    rateLimited: 0,
    rateLimitedInRun: 0,
    longestRetryAfterMs: 0,
    perWindow: 0,
    playerPerWindow: 0,
    queuePerWindow: 0,
  };
  for (const polls of run.polls.values()) {
    for (const poll of polls) {
      if (poll.status === 429) {
        figures.rateLimitedInRun++;
        figures.longestRetryAfterMs = Math.max(figures.longestRetryAfterMs, poll.retryAfterMs ?? 0);
      }
      if (poll.readAt < from || poll.readAt >= to) continue;
      figures[poll.endpoint]++;
      if (poll.status === 429) figures.rateLimited++;
      else if (poll.endpoint === 'player' && (poll.status === 200 || poll.status === 204))
        figures.answeredPlayer++;
    }
  }
  const windows = (to - from) / windowMs;
  figures.perWindow = (figures.player + figures.queue) / windows;
  figures.playerPerWindow = figures.player / windows;
  figures.queuePerWindow = figures.queue / windows;
  return figures;
}
