/** What the connection pill and the fallback banner say. Pure, so each state's wording is tested. */

export type ConnectionPhase = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface ConnectionStatus {
  phase: ConnectionPhase;
  /** Why it is not live, in words (the server's refusal message, the transport error). */
  reason: string | null;
  /** The state is being fetched over HTTP every `pollEveryMs` because the socket is not connected. */
  polling: boolean;
}

export interface ConnectionLabel {
  label: string;
  detail: string | null;
}

export function connectionLabel(status: ConnectionStatus): ConnectionLabel {
  switch (status.phase) {
    case 'connecting':
      return { label: 'Connecting…', detail: status.reason && `Trying to connect (${status.reason})` };
    case 'live':
      return { label: 'Live', detail: 'Changes appear here as they happen' };
    case 'reconnecting':
      return { label: 'Reconnecting…', detail: status.reason && `Connection lost (${status.reason})` };
    case 'refused':
      return { label: 'Not connected', detail: status.reason ?? 'The server refused the connection' };
  }
}

export function fallbackNote(pollEveryMs: number): string {
  return `Live updates unavailable — refreshing every ${Math.round(pollEveryMs / 1000)} s`;
}

/** The note after a subscribe: how much of the gap was replayed. */
export function replayNote(ack: { replayed: number } | { resync: true }, reconnect: boolean): string | null {
  if ('resync' in ack) return 'You were away a while: caught up with the current state';
  if (!reconnect) return null;
  if (ack.replayed === 0) return 'Reconnected: nothing was missed';
  return `Reconnected: ${ack.replayed} missed event${ack.replayed === 1 ? '' : 's'} replayed`;
}
