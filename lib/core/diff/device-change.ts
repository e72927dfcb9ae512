import type { PlayerSnapshot } from '../snapshot';
import type { DeviceChange, VolumeChange } from './player-change';
import { sameDevice } from './same-device';

/**
 * Playback moved to another device, or started on one from nothing. Losing the device is no device change
 * (the `playbackStateChanged` to no device says it).
 */
export function detectDeviceChange(prev: PlayerSnapshot, next: PlayerSnapshot): DeviceChange | null {
  const current = next.active ? next.device : null;
  if (current === null) return null;
  const previous = prev.active ? prev.device : null;
  if (previous !== null && sameDevice(previous, current)) return null;
  return { kind: 'device', previous, current };
}

/**
 * The same device's volume changed. A move to another device brings that device's volume along, which is a
 * device change, not a volume change; a device starting or stopping to report a volume is neither.
 */
export function detectVolumeChange(prev: PlayerSnapshot, next: PlayerSnapshot): VolumeChange | null {
  const before = prev.active ? prev.device : null;
  const after = next.active ? next.device : null;
  if (before === null || after === null || !sameDevice(before, after)) return null;
  if (before.volume === null || after.volume === null || before.volume === after.volume) return null;
  return { kind: 'volume', volume: after.volume, device: after.name, deviceId: after.id };
}
