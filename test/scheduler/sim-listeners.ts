import type { PlayerSnapshot } from '../../lib/core/snapshot';
import { inactiveSnapshot } from '../../lib/core/snapshot';
import type { Random } from '../../lib/random/random';
import type { ModeRates, PlaybackMode } from '../../lib/scheduler';
import { T0, player, track } from '../core/builders';

/**
 * Simulated listeners with ground truth: app actions are a Poisson process at a rate per state (changes per
 * hour), items of 2.5–5 min end by themselves, and every change is noted until a poll sees it.
 */

const HOUR_MS = 3_600_000;

export interface SimListener {
  rates: ModeRates;
  random: Random;
  mode: PlaybackMode;
  trackSeq: number;
  durationMs: number;
  positionMs: number;
  anchorAt: number;
  nextActionAt: number;
  pendingChanges: number[];
  pendingEnds: number[];
  timeIn: ModeRates;
  at: number;
}

export function newListener(rates: ModeRates, random: Random): SimListener {
  const listener: SimListener = {
    rates,
    random,
    mode: 'playing',
    trackSeq: 0,
    durationMs: 0,
    positionMs: 0,
    anchorAt: T0,
    nextActionAt: Infinity,
    pendingChanges: [],
    pendingEnds: [],
    timeIn: { playing: 0, paused: 0, no_device: 0 },
    at: T0,
  };
  startTrack(listener, T0, random.between(0, 0.9));
  drawAction(listener, T0);
  return listener;
}

function startTrack(listener: SimListener, at: number, startFraction = 0): void {
  listener.trackSeq += 1;
  listener.durationMs = Math.round(listener.random.between(150_000, 300_000));
  listener.positionMs = Math.round(listener.durationMs * startFraction);
  listener.anchorAt = at;
}

function drawAction(listener: SimListener, from: number): void {
  listener.nextActionAt = from + listener.random.exponential(HOUR_MS / listener.rates[listener.mode]);
}

function positionAt(listener: SimListener, at: number): number {
  return listener.positionMs + (listener.mode === 'playing' ? at - listener.anchorAt : 0);
}

function settle(listener: SimListener, at: number): void {
  listener.positionMs = positionAt(listener, at);
  listener.anchorAt = at;
}

/** Runs the listener's world up to `to`, noting unpredictable changes and natural ends on the way. */
export function advance(listener: SimListener, to: number): void {
  for (;;) {
    const endAt =
      listener.mode === 'playing' ? listener.anchorAt + listener.durationMs - listener.positionMs : Infinity;
    const next = Math.min(endAt, listener.nextActionAt);
    if (next > to) break;
    listener.timeIn[listener.mode] += next - listener.at;
    listener.at = next;
    if (next === endAt) {
      listener.pendingEnds.push(next);
      startTrack(listener, next);
    } else {
      listener.pendingChanges.push(next);
      act(listener, next);
      drawAction(listener, next);
    }
  }
  listener.timeIn[listener.mode] += to - listener.at;
  listener.at = to;
}

/**
 * What an app action does: while playing, 15 % pause, 5 % the device goes, 40 % another track, the rest
 * (volume, seek, shuffle…) changes what the player shows and not the state; while paused, 70 % resume, 10 %
 * the device goes; without a device, playback starts.
 */
function act(listener: SimListener, at: number): void {
  const roll = listener.random.next();
  settle(listener, at);
  if (listener.mode === 'playing') {
    if (roll < 0.15) listener.mode = 'paused';
    else if (roll < 0.2) listener.mode = 'no_device';
    else if (roll < 0.6) startTrack(listener, at);
  } else if (listener.mode === 'paused') {
    if (roll < 0.7) listener.mode = 'playing';
    else if (roll < 0.8) listener.mode = 'no_device';
  } else {
    listener.mode = 'playing';
    startTrack(listener, at);
  }
}

/** What `GET /v1/me/player` shows: progress as Spotify read it at `readAt`, received at `observedAt`. */
export function snapshotOf(listener: SimListener, readAt: number, observedAt: number): PlayerSnapshot {
  if (listener.mode === 'no_device') return inactiveSnapshot(observedAt);
  return player({
    observedAt,
    item: track(`t${listener.trackSeq}`, listener.durationMs),
    progressMs: Math.round(positionAt(listener, readAt)),
    isPlaying: listener.mode === 'playing',
  });
}

/** Per-listener, per-state rates: the prior times a factor log-uniform in [1/spread, spread]. */
export function listenerRates(count: number, spread: number, base: ModeRates, random: Random): ModeRates[] {
  const factor = () => Math.exp(random.between(-Math.log(spread), Math.log(spread)));
  return Array.from({ length: count }, () => ({
    playing: base.playing * factor(),
    paused: base.paused * factor(),
    no_device: base.no_device * factor(),
  }));
}
