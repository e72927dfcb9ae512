import type { UnpublishedEvent, UnpublishedPayload } from '../../contract/events';
import type { VolumeChange } from '../diff/player-change';
import type { EngineOptions } from '../engine-options';
import type { EngineState } from './engine-state';

type HeldVolume = UnpublishedPayload<'volumeChanged'>;

/** The drag's window, `[last change, last change + volumeCoalesceMs)`, is over at `at`. */
export function isDragOver(held: HeldVolume, at: number, options: EngineOptions): boolean {
  return at - held.timestamp >= options.volumeCoalesceMs;
}

/** A change of the same device's volume while one is held is the same drag. */
export function continuesDrag(held: HeldVolume, change: VolumeChange): boolean {
  if (held.deviceId !== null || change.deviceId !== null) return held.deviceId === change.deviceId;
  return held.device === change.device;
}

/** The held event with the drag's latest value, seen at `observedAt`; it keeps the source it started with. */
export function extendDrag(held: HeldVolume, change: VolumeChange, observedAt: number): HeldVolume {
  return { ...held, volume: change.volume, device: change.device, timestamp: observedAt };
}

export function released(held: HeldVolume): UnpublishedEvent {
  return { event: 'volumeChanged', data: held };
}

/** When `flush` will release the held volume (ms since the epoch), or null when none is held: the worker's timer. */
export function volumeFlushDueAt(state: EngineState, options: EngineOptions): number | null {
  return state.heldVolume === null ? null : state.heldVolume.timestamp + options.volumeCoalesceMs;
}
