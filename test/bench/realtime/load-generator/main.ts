import { readFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { MusicClient } from '../../../../lib/client';
import type { MusicConnectErrorData, SubscribeAck } from '../../../../lib/contract/protocol';
import { wallNow } from '../harness/wall-clock';
import { eventDigest } from './event-digest';
import type { Answer, Arrival, OpenAnswer, OpenRequest, Request, SocketState } from './protocol';

/**
 * A load-generator child: holds the sockets a benchmark asks for (bare socket.io-client sockets or
 * MusicClients), times their handshakes and subscriptions, and records the events they receive with their
 * wall-clock arrival. Driven over IPC (see protocol.ts); exits when its parent goes away.
 */
interface Held {
  socket: Socket;
  state: SocketState;
}

const SUBSCRIBE_TIMEOUT_MS = 30_000;
const held: Held[] = [];
let arrivals: Arrival[] = [];

function send(answer: Answer): void {
  process.send?.(answer);
}

function record(index: number, state: SocketState, recording: boolean, event: string, data: unknown): void {
  state.delivered++;
  if (!recording) return;
  const payload = (data ?? {}) as { eventId?: unknown; timestamp?: unknown };
  arrivals.push([
    index,
    event,
    typeof payload.eventId === 'string' ? payload.eventId : '',
    wallNow(),
    typeof payload.timestamp === 'number' ? payload.timestamp : Number.NaN,
    eventDigest(event, data),
  ]);
}

function failureReason(error: Error & { data?: MusicConnectErrorData }): string {
  return error.data?.code ?? error.message;
}

/** Opens one socket; resolves when it is connected and subscribed, or has failed. */
function openOne(request: OpenRequest, index: number, batchIndex: number, answer: OpenAnswer): Promise<void> {
  const plan = request.sockets[batchIndex] as OpenRequest['sockets'][number];
  const state: SocketState = { connected: false, connects: 0, subscribedAt: [], rawEvents: 0, delivered: 0 };
  const options = {
    transports: ['websocket'],
    forceNew: true,
    reconnection: request.reconnect,
    reconnectionDelay: 250,
    reconnectionDelayMax: 2000,
    timeout: 20_000,
  };
  const started = wallNow();
  let subscribe: () => Promise<SubscribeAck>;
  let socket: Socket;
  if (request.client === 'music') {
    const client = new MusicClient({
      url: request.url,
      sessionId: plan.sessionId,
      autoSubscribe: false,
      socketOptions: options,
    });
    socket = client.socket as unknown as Socket;
    socket.onAny(() => state.rawEvents++);
    client.onAny((event) => record(index, state, request.record, event.event, event.data));
    subscribe = () => client.subscribe();
  } else {
    socket = io(`${request.url.replace(/\/$/, '')}/music`, {
      ...options,
      auth: { sessionId: plan.sessionId },
    });
    socket.onAny((event: string, data: unknown) => {
      state.rawEvents++;
      record(index, state, request.record, event, data);
    });
    subscribe = () =>
      socket.timeout(SUBSCRIBE_TIMEOUT_MS).emitWithAck('subscribeToPlayback') as Promise<SubscribeAck>;
  }
  held[index] = { socket, state };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (reason?: string) => {
      if (settled) return;
      settled = true;
      if (reason !== undefined) answer.failures[reason] = (answer.failures[reason] ?? 0) + 1;
      resolve();
    };
    socket.on('connect', () => {
      state.connected = true;
      state.connects++;
      if (state.connects === 1) answer.connectMs[batchIndex] = wallNow() - started;
      if (!request.subscribe) return settle();
      const connectedAt = wallNow();
      subscribe().then(
        (ack) => {
          if (ack.status !== 'subscribed') return settle(`subscribe: ${ack.code}`);
          state.subscribedAt.push(wallNow());
          if (state.subscribedAt.length === 1) answer.subscribeMs[batchIndex] = wallNow() - connectedAt;
          settle();
        },
        (error: Error) => settle(`subscribe: ${error.message}`),
      );
    });
    socket.on('disconnect', () => (state.connected = false));
    socket.on('connect_error', (error: Error & { data?: MusicConnectErrorData }) => {
      settle(`connect: ${failureReason(error)}`);
    });
  });
}

async function open(request: OpenRequest): Promise<OpenAnswer> {
  const count = request.sockets.length;
  const answer: OpenAnswer = {
    type: 'opened',
    id: request.id,
    first: held.length,
    connectMs: new Array<number>(count).fill(Number.NaN),
    subscribeMs: new Array<number>(count).fill(Number.NaN),
    failures: {},
    wallMs: 0,
  };
  const started = wallNow();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const batchIndex = next++;
      await openOne(request, answer.first + batchIndex, batchIndex, answer);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(request.concurrency, count)) }, lane));
  answer.wallMs = wallNow() - started;
  return answer;
}

function openFileLimit(): number | null {
  const match = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return match ? Number(match[1]) : null;
}

async function handle(request: Request): Promise<Answer> {
  switch (request.type) {
    case 'open':
      return open(request);
    case 'arrivals': {
      const taken = arrivals;
      arrivals = [];
      return { type: 'arrivals', id: request.id, arrivals: taken };
    }
    case 'state':
      return { type: 'state', id: request.id, sockets: held.map((entry) => entry.state) };
    case 'delivered':
      return {
        type: 'delivered',
        id: request.id,
        count: held.reduce((sum, entry) => sum + entry.state.delivered, 0),
      };
    case 'usage':
      return {
        type: 'usage',
        id: request.id,
        cpu: process.cpuUsage(),
        memory: process.memoryUsage(),
        openFileLimit: openFileLimit(),
      };
    case 'close':
      for (const entry of held) entry.socket.disconnect();
      return { type: 'closed', id: request.id };
  }
}

process.on('message', (request: Request) => {
  handle(request).then(send, (error: unknown) =>
    send({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
