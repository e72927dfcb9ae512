import type { StatusChangedPayload } from '../contract/events';
import { formatEventId } from '../contract/event-id';

/**
 * The `statusChanged` a gateway sends its sockets when it closes, saying why events pause until they
 * reconnect. It is not in any stream, so its id is `0-<now>`: before every stream id (so it never moves a
 * client's lastEventId past an event the client has not seen) and different for each close (so a client's
 * de-duplication does not swallow a later one).
 */
export function gatewayClosingNotice(reason: string, now: number): StatusChangedPayload {
  return { status: 'degraded', reason, source: 'auto', timestamp: now, eventId: formatEventId(0, now) };
}
