import type { DeviceInfo } from '../snapshot';

/** Spotify documents device ids as nullable: compare ids when either has one, names otherwise. */
export function sameDevice(a: DeviceInfo, b: DeviceInfo): boolean {
  if (a.id !== null || b.id !== null) return a.id === b.id;
  return a.name === b.name;
}
