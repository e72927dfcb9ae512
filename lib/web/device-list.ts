import { isRecord } from '../core/normalize/guards';
import { parseDevice } from '../core/normalize/device';
import { MalformedFieldError } from '../core/normalize/malformed-field-error';

/** One of the listener's devices, as `GET /api/devices` sends it (the names of the contract's `DeviceInfo`). */
export interface DeviceView {
  /** Spotify's device id (documented as nullable); what `POST /api/control/transfer` takes. */
  id: string | null;
  name: string;
  type: string;
  /** 0–100, or null when the device does not report one. */
  volume: number | null;
  isActive: boolean;
}

/**
 * The devices of Spotify's `GET /v1/me/player/devices` body, validated like every Spotify body; a device that
 * is not usable is left out (and named in `skipped`) rather than failing the whole list.
 */
export function deviceList(body: unknown): { devices: DeviceView[]; skipped: string[] } {
  const raw = isRecord(body) ? body.devices : undefined;
  if (!Array.isArray(raw)) return { devices: [], skipped: ['devices: expected a list'] };
  const devices: DeviceView[] = [];
  const skipped: string[] = [];
  raw.forEach((entry: unknown, index) => {
    const path = `devices[${index}]`;
    if (!isRecord(entry)) {
      skipped.push(`${path}: expected an object`);
      return;
    }
    try {
      devices.push({ ...parseDevice(entry, path), isActive: entry.is_active === true });
    } catch (error) {
      if (!(error instanceof MalformedFieldError)) throw error;
      skipped.push(error.message);
    }
  });
  return { devices, skipped };
}
