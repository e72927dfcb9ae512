import { isValidKeyPart } from '../store';

/**
 * The user id from a `GET /v1/me` body, or null when there is none the daemon can key its state by (the
 * stores accept only ids of safe characters; Spotify's are letters and digits).
 */
export function spotifyUserIdOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const id = (body as { id?: unknown }).id;
  return typeof id === 'string' && isValidKeyPart(id) ? id : null;
}
