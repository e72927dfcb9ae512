import { parseEventId } from '../contract/event-id';
import type { SessionCredentials } from '../session/session-lookup';

export type ParsedHandshake =
  { ok: true; credentials: SessionCredentials; lastEventId: string | null } | { ok: false; message: string };

/**
 * What a `/music` handshake carries (DESIGN section 5): `auth: {sessionId?, lastEventId?}` and the request's
 * Cookie header. Checks the shape only; whether the session is good is the resolver's call. Pure.
 */
export function parseHandshake(auth: unknown, cookieHeader: string | undefined): ParsedHandshake {
  if (typeof auth !== 'object' || auth === null || Array.isArray(auth)) {
    return { ok: false, message: 'The handshake auth must be an object {sessionId?, lastEventId?}.' };
  }
  const { sessionId, lastEventId } = auth as { sessionId?: unknown; lastEventId?: unknown };
  if (sessionId !== undefined && typeof sessionId !== 'string') {
    return { ok: false, message: `auth.sessionId must be a string, got ${typeof sessionId}.` };
  }
  if (lastEventId !== undefined && (typeof lastEventId !== 'string' || parseEventId(lastEventId) === null)) {
    const shown =
      typeof lastEventId === 'string' ? JSON.stringify(lastEventId.slice(0, 40)) : typeof lastEventId;
    return {
      ok: false,
      message: `auth.lastEventId must be the id of an event received before, like 1764000000000-0; got ${shown}.`,
    };
  }
  return {
    ok: true,
    credentials: { sessionId, cookieHeader },
    lastEventId: lastEventId ?? null,
  };
}
