/**
 * What an error body says. The Web API answers `{ error: { status, message, reason? } }`; the accounts service
 * answers `{ error: 'invalid_grant', error_description? }` (OAuth 2.0). Anything else yields nulls.
 */
export interface SpotifyErrorBody {
  /** The Web API's `error.message`, or the accounts service's `error_description` (else its `error`). */
  message: string | null;
  /** The Web API's `error.reason` (e.g. `QUOTA_EXCEEDED`, `NO_ACTIVE_DEVICE`), or a top-level `reason`. */
  reason: string | null;
  /** The accounts service's OAuth error code (e.g. `invalid_grant`, `invalid_client`). */
  oauthError: string | null;
}

/** Spotify's messages are short; a longer one is cut so a misbehaving upstream cannot flood the logs. */
const MAX_MESSAGE_LENGTH = 200;

export function readSpotifyErrorBody(body: unknown): SpotifyErrorBody {
  if (!isRecord(body)) return { message: null, reason: null, oauthError: null };
  const { error } = body;
  if (isRecord(error)) {
    return {
      message: text(error.message),
      reason: text(error.reason) ?? text(body.reason),
      oauthError: null,
    };
  }
  const oauthError = text(error);
  return {
    message: text(body.error_description) ?? oauthError ?? text(body.message),
    reason: text(body.reason),
    oauthError,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  return trimmed.length > MAX_MESSAGE_LENGTH ? `${trimmed.slice(0, MAX_MESSAGE_LENGTH)}…` : trimmed;
}
