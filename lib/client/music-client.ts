import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { compareEventIds } from '../contract/event-id';
import {
  MUSIC_EVENT_NAMES,
  type MusicEvent,
  type MusicEventName,
  type MusicEventPayloads,
  type ServerToClientEvents,
} from '../contract/events';
import type {
  ClientToServerEvents,
  MusicConnectErrorData,
  MusicErrorCode,
  MusicHandshakeAuth,
  PlaybackSyncAck,
  SubscribeAck,
} from '../contract/protocol';
import { SeenEventIds } from './seen-event-ids';

export type MusicSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface MusicClientOptions {
  /** The gateway's origin, e.g. `http://localhost:3000` (the client connects to its `/music` namespace). */
  url: string;
  /** The web app's session id; leave it out in a browser signed in through `/auth/login` (the cookie is sent). */
  sessionId?: string;
  /** The last event id this client saw in an earlier life, to have the gap replayed. */
  lastEventId?: string;
  /** Subscribe on every connect, so a reconnect replays what was missed. Default true. */
  autoSubscribe?: boolean;
  /** Passed to socket.io-client as is (e.g. `transports`, `reconnectionDelayMax`, `extraHeaders` in Node). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** The connection as a person would describe it. */
export type MusicConnectionState =
  | { status: 'connecting' }
  | { status: 'connected' }
  | { status: 'disconnected'; reason: string }
  /** The gateway refused the handshake (bad session, origin, too many connections): no retry without a change. */
  | { status: 'refused'; code: MusicErrorCode | 'unknown'; message: string };

type Listener<K extends MusicEventName> = (payload: MusicEventPayloads[K]) => void;

/**
 * The typed client of `/music` (DESIGN section 5), shared by the web client, the tests and host applications.
 * It sends `lastEventId` at every (re)connect, subscribes, and delivers each event once and in id order:
 * events that arrive while a subscribe (and its replay) is in flight are held, sorted and de-duplicated.
 */
export class MusicClient {
  readonly socket: MusicSocket;
  private readonly seen = new SeenEventIds();
  private readonly listeners = new Map<MusicEventName, Set<Listener<MusicEventName>>>();
  private readonly stateListeners = new Set<(state: MusicConnectionState) => void>();
  private held: MusicEvent[] | null = null;
  private lastId: string | undefined;
  private current: MusicConnectionState = { status: 'connecting' };

  constructor(private readonly options: MusicClientOptions) {
    this.lastId = options.lastEventId;
    const auth = (callback: (data: MusicHandshakeAuth) => void) => {
      const data: MusicHandshakeAuth = {};
      if (options.sessionId !== undefined) data.sessionId = options.sessionId;
      if (this.lastId !== undefined) data.lastEventId = this.lastId;
      callback(data);
    };
    this.socket = io(`${options.url.replace(/\/$/, '')}/music`, {
      withCredentials: true,
      ...options.socketOptions,
      auth,
    });
    for (const name of MUSIC_EVENT_NAMES) {
      this.socket.on(name, ((payload: MusicEventPayloads[typeof name]) =>
        this.receive({ event: name, data: payload } as MusicEvent)) as never);
    }
    this.socket.on('connect', () => {
      this.setState({ status: 'connected' });
      if (options.autoSubscribe !== false) void this.subscribe().catch(() => undefined);
    });
    this.socket.on('disconnect', (reason) => this.setState({ status: 'disconnected', reason }));
    this.socket.on('connect_error', (error: Error & { data?: MusicConnectErrorData }) => {
      if (error.data?.code) {
        this.setState({ status: 'refused', code: error.data.code, message: error.message });
      } else {
        this.setState({ status: 'disconnected', reason: error.message });
      }
    });
  }

  get state(): MusicConnectionState {
    return this.current;
  }

  /** The newest event id delivered so far (what the next reconnect asks to replay after). */
  get lastEventId(): string | undefined {
    return this.lastId;
  }

  /** Calls `listener` with each event of that name, once per event id. Returns the unsubscribe function. */
  on<K extends MusicEventName>(event: K, listener: Listener<K>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener<MusicEventName>);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener<MusicEventName>);
  }

  /** Calls `listener` with every event, once per event id, in delivery order. */
  onAny(listener: (event: MusicEvent) => void): () => void {
    const wrapped = new Map<MusicEventName, Listener<MusicEventName>>();
    for (const name of MUSIC_EVENT_NAMES) {
      const each: Listener<MusicEventName> = (data) => listener({ event: name, data } as MusicEvent);
      wrapped.set(name, each);
      this.on(name, each);
    }
    return () => wrapped.forEach((each, name) => this.listeners.get(name)?.delete(each));
  }

  onStateChange(listener: (state: MusicConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Joins the user's room and has the gap since `lastEventId` replayed (or a resync sent). */
  async subscribe(): Promise<SubscribeAck> {
    this.held ??= [];
    try {
      return await this.socket.emitWithAck('subscribeToPlayback');
    } finally {
      this.releaseHeld();
    }
  }

  async unsubscribe(): Promise<void> {
    await this.socket.emitWithAck('unsubscribeFromPlayback');
  }

  /** The latest state the daemon knows, or null (a poll is then requested and an event follows). */
  requestPlaybackSync(): Promise<PlaybackSyncAck> {
    return this.socket.emitWithAck('requestPlaybackSync');
  }

  close(): void {
    this.socket.disconnect();
  }

  private receive(event: MusicEvent): void {
    if (this.held) {
      this.held.push(event);
      return;
    }
    this.deliver(event);
  }

  private releaseHeld(): void {
    const held = this.held ?? [];
    this.held = null;
    held.sort((a, b) => compareEventIds(a.data.eventId, b.data.eventId));
    for (const event of held) this.deliver(event);
  }

  private deliver(event: MusicEvent): void {
    if (!this.seen.add(event.data.eventId)) return;
    if (this.lastId === undefined || compareEventIds(event.data.eventId, this.lastId) > 0) {
      this.lastId = event.data.eventId;
    }
    for (const listener of this.listeners.get(event.event) ?? []) listener(event.data as never);
  }

  private setState(state: MusicConnectionState): void {
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
