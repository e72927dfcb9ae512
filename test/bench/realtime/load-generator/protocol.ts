/**
 * The IPC messages between a benchmark and its load-generator children (`load-generator/main.ts`). Every
 * request carries an id that its answer echoes.
 */

export interface SocketPlan {
  sessionId: string;
  userId: string;
}

export interface OpenRequest {
  type: 'open';
  id: number;
  /** The gateway's origin; the sockets connect to its `/music` namespace. */
  url: string;
  sockets: SocketPlan[];
  /** Handshakes in flight at once. */
  concurrency: number;
  /**
   * `raw`: a bare socket.io-client socket that subscribes itself (every packet counted, duplicates included);
   * `music`: the typed MusicClient (reconnects with lastEventId, de-duplicates, delivers in id order).
   */
  client: 'raw' | 'music';
  /** Subscribe after connecting (the MusicClient re-subscribes on every reconnect). */
  subscribe: boolean;
  /** Let socket.io-client reconnect after a drop. */
  reconnect: boolean;
  /** Keep every event that arrives (for the checks) rather than only counting them. */
  record: boolean;
}

/** One event as a socket received it: socket index, name, event id, wall-clock arrival, `timestamp`, digest. */
export type Arrival = [
  socket: number,
  event: string,
  eventId: string,
  at: number,
  timestamp: number,
  digest: string,
];

export interface OpenAnswer {
  type: 'opened';
  id: number;
  /** Index of the first socket of this batch in the generator's list. */
  first: number;
  /** Per socket of the batch: ms from `io()` to `connect` (NaN when it never connected). */
  connectMs: number[];
  /** Per socket: ms from `connect` to the subscribe ack (NaN when not subscribed). */
  subscribeMs: number[];
  /** Why sockets failed, with counts. */
  failures: Record<string, number>;
  /** From the first `io()` to the last socket settled. */
  wallMs: number;
}

export interface SocketState {
  connected: boolean;
  /** Times the socket connected (1 + reconnects). */
  connects: number;
  /** Wall-clock instants of its subscribe acks. */
  subscribedAt: number[];
  /** Events this socket received on the wire (MusicClient: before its de-duplication). */
  rawEvents: number;
  /** Events delivered (raw: the same; MusicClient: after de-duplication). */
  delivered: number;
}

export type Request =
  | OpenRequest
  | { type: 'arrivals'; id: number }
  | { type: 'state'; id: number }
  | { type: 'delivered'; id: number }
  | { type: 'usage'; id: number }
  | { type: 'close'; id: number };

export type Answer =
  | OpenAnswer
  | { type: 'arrivals'; id: number; arrivals: Arrival[] }
  | { type: 'state'; id: number; sockets: SocketState[] }
  /** Events delivered to all sockets together: a cheap progress check. */
  | { type: 'delivered'; id: number; count: number }
  | {
      type: 'usage';
      id: number;
      cpu: NodeJS.CpuUsage;
      memory: NodeJS.MemoryUsage;
      openFileLimit: number | null;
    }
  | { type: 'closed'; id: number }
  | { type: 'error'; id: number; message: string };
