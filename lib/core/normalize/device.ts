import type { DeviceInfo } from '../snapshot';
import type { JsonRecord } from './guards';
import { fieldPath, malformed, nullableStringAt, stringAt } from './guards';

const MAX_VOLUME = 100;

function volumeAt(raw: JsonRecord, path: string): number | null {
  const value = raw.volume_percent;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_VOLUME) return value;
  return malformed(fieldPath(path, 'volume_percent'), 'an integer from 0 to 100 or null', value);
}

/** A `DeviceObject` at `path`. `id` and `volume_percent` are nullable in Spotify's schema (missing reads as null). */
export function parseDevice(raw: JsonRecord, path: string): DeviceInfo {
  return {
    id: nullableStringAt(raw, 'id', path),
    name: stringAt(raw, 'name', path),
    type: stringAt(raw, 'type', path),
    volume: volumeAt(raw, path),
  };
}
