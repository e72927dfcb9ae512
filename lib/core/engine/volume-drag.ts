import type { UnpublishedEvent, UnpublishedPayload } from '../../contract/events';
import type { EngineOptions } from '../engine-options';
import type { EngineState } from './engine-state';

type HeldVolume = UnpublishedPayload<'volumeChanged'>;

/** What an observation's volume change does to the drag being held. */
export interface VolumeHold {
  held: HeldVolume | null;
  /** Released by the change, to be emitted before the observation's own events. */
  released: UnpublishedEvent[];
}

/** The drag's window, `[last change, last change + volumeCoalesceMs)`, is over at `at`. */
export function isDragOver(held: HeldVolume, at: number, options: EngineOptions): boolean {
  return at - held.timestamp >= options.volumeCoalesceMs;
}

/**
 * Folds an observation's attributed volume change into the held drag. `next` is the change's event (null when
 * an announced hint claimed it: the host emitted it already), `hinted` says a hint claimed it. The same drag
 * goes on — the held event takes the new value and time — only for a change of the same device that no hint
 * claimed and that has the held event's source and reasoning. Anything else is a new command or another hand on
 * the slider: the held event is released and the change starts a hold of its own (an announced one holds nothing).
 */
export function holdVolume(held: HeldVolume | null, next: HeldVolume | null, hinted: boolean): VolumeHold {
  if (held !== null && next !== null && !hinted && continuesDrag(held, next)) {
    return {
      held: { ...held, volume: next.volume, device: next.device, timestamp: next.timestamp },
      released: [],
    };
  }
  return { held: next, released: held === null ? [] : [released(held)] };
}

function continuesDrag(held: HeldVolume, next: HeldVolume): boolean {
  return sameDevice(held, next) && held.source === next.source && held.reasoning === next.reasoning;
}

/** Spotify documents device ids as nullable: compare ids when either has one, names otherwise. */
function sameDevice(held: HeldVolume, next: HeldVolume): boolean {
  if (held.deviceId !== null || next.deviceId !== null) return held.deviceId === next.deviceId;
  return held.device === next.device;
}

export function released(held: HeldVolume): UnpublishedEvent {
  return { event: 'volumeChanged', data: held };
}

/** When `flush` will release the held volume (ms since the epoch), or null when none is held: the worker's timer. */
export function volumeFlushDueAt(state: EngineState, options: EngineOptions): number | null {
  return state.heldVolume === null ? null : state.heldVolume.timestamp + options.volumeCoalesceMs;
}
