/**
 * An error the Web API answers with, in Spotify's own words. `reason` is set on player command errors
 * (`NO_ACTIVE_DEVICE`, `UNKNOWN`, ...) as Spotify does; spotify-web-api-node turns those into `WebapiPlayerError`.
 */
export interface PlayerError {
  status: number;
  message: string;
  reason?: string;
}

/** Spotify's JSON error body: `{"error":{"status":404,"message":"...","reason":"..."}}`. */
export function errorBody(error: PlayerError): { error: PlayerError } {
  return { error: { ...error } };
}

export const NO_ACTIVE_DEVICE: PlayerError = {
  status: 404,
  message: 'Player command failed: No active device found',
  reason: 'NO_ACTIVE_DEVICE',
};

/** What Spotify answers when a command does not apply (pause while paused, skip during an ad, ...). */
export const RESTRICTION_VIOLATED: PlayerError = {
  status: 403,
  message: 'Player command failed: Restriction violated',
  reason: 'UNKNOWN',
};

export const VOLUME_CONTROL_DISALLOWED: PlayerError = {
  status: 403,
  message: 'Player command failed: Cannot control device volume',
  reason: 'VOLUME_CONTROL_DISALLOW',
};

export const DEVICE_NOT_FOUND: PlayerError = { status: 404, message: 'Device not found' };

export function badRequest(message: string): PlayerError {
  return { status: 400, message };
}
