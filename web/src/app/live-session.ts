import { MusicClient, type MusicConnectionState } from '../../../lib/client/music-client';
import type { MusicEvent, PlaybackState } from '../../../lib/contract/events';
import type { MusicErrorCode } from '../../../lib/contract/protocol';
import { HttpError } from '../shared/http-error';
import type { ListenerApi } from './api';
import type { ConnectionStatus } from './connection-view-model';
import { replayNote } from './connection-view-model';

/** How long the socket may stay down before the state is fetched over HTTP instead. */
export const FALLBACK_AFTER_MS = 5000;
/** How often the HTTP fallback fetches the state. */
export const POLL_EVERY_MS = 5000;
/** A refusal that may pass (too many tabs, a busy server) is retried after this long. */
const RETRY_REFUSED_MS = 15_000;
/** After the server closed the socket itself (socket.io does not reconnect then), try again after this long. */
const RECONNECT_AFTER_SERVER_CLOSE_MS = 2000;
/**
 * A sync that finds no state yet is asked again this often, this many times: the worker's first poll of a newly
 * active listener is a baseline that publishes no event, so waiting for an event could leave the card empty
 * until the listener next changes something.
 */
const EMPTY_SYNC_RETRY_MS = 1000;
const EMPTY_SYNC_RETRIES = 10;

/** Refusals that mean the sign-in is gone: the app goes back to the sign-in page. */
const SIGNED_OUT_CODES: ReadonlySet<MusicErrorCode | 'unknown'> = new Set([
  'unauthenticated',
  'session_expired',
]);
/** Refusals that no retry will fix without a change on the server's side. */
const FINAL_CODES: ReadonlySet<MusicErrorCode | 'unknown'> = new Set(['origin_not_allowed', 'bad_request']);

export interface LiveSessionHandlers {
  /** Each event once, in id order; `replayed` when it filled the gap after a reconnect. */
  onEvent(event: MusicEvent, replayed: boolean): void;
  /** A full state from a sync or the HTTP fallback (null: nothing known yet, an event will follow). */
  onState(state: PlaybackState | null): void;
  onConnection(status: ConnectionStatus): void;
  /** A passing message (replay counts, refusals). */
  onNote(text: string): void;
  /** The socket is (re)connected and subscribed: refresh what events do not carry (queue, devices). */
  onResumed(): void;
  /** The session is no longer valid. */
  onSignedOut(message: string): void;
}

/**
 * The live connection of one signed-in listener: the typed client, subscribing (and counting the replay) on
 * every connect, a state sync after it, and the HTTP fallback while the socket cannot connect.
 */
export class LiveSession {
  private readonly client: MusicClient;
  private readonly stopListening: (() => void)[] = [];
  private status: ConnectionStatus = { phase: 'connecting', reason: null, polling: false };
  private connectedOnce = false;
  private inReplay = false;
  private fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** The last fallback failure told, so a server that stays down is reported once, not every poll. */
  private lastPollError: string | null = null;

  constructor(
    private readonly api: ListenerApi,
    sessionId: string | null,
    private readonly handlers: LiveSessionHandlers,
  ) {
    this.client = new MusicClient({
      url: location.origin,
      ...(sessionId === null ? {} : { sessionId }),
      autoSubscribe: false,
    });
    this.stopListening.push(
      this.client.onAny((event) => this.handlers.onEvent(event, this.inReplay)),
      this.client.onStateChange((state) => this.onClientState(state)),
    );
    this.handlers.onConnection(this.status);
    this.armFallback();
  }

  get live(): boolean {
    return this.status.phase === 'live';
  }

  /** The latest state: from the socket when live, over HTTP otherwise. */
  async resync(): Promise<void> {
    if (this.live) {
      const ack = await this.client.requestPlaybackSync();
      if ('playbackState' in ack) this.handlers.onState(ack.playbackState);
      else this.handlers.onNote(ack.message);
    } else {
      await this.poll();
    }
  }

  close(): void {
    this.closed = true;
    this.stopListening.forEach((stop) => stop());
    this.stopPolling();
    this.clearTimer('fallbackTimer');
    this.clearTimer('retryTimer');
    this.client.close();
  }

  private onClientState(state: MusicConnectionState): void {
    if (this.closed) return;
    switch (state.status) {
      case 'connected':
        this.clearTimer('fallbackTimer');
        this.stopPolling();
        this.setStatus({ phase: 'live', reason: null });
        void this.subscribe(this.connectedOnce);
        this.connectedOnce = true;
        return;
      case 'connecting':
        this.setStatus({ phase: 'connecting', reason: null });
        return;
      case 'disconnected':
        this.setStatus({ phase: this.connectedOnce ? 'reconnecting' : 'connecting', reason: state.reason });
        if (state.reason === 'io server disconnect') this.retryLater(RECONNECT_AFTER_SERVER_CLOSE_MS);
        this.armFallback();
        return;
      case 'refused':
        if (SIGNED_OUT_CODES.has(state.code)) {
          this.handlers.onSignedOut(state.message);
          return;
        }
        this.setStatus({ phase: 'refused', reason: state.message });
        if (!FINAL_CODES.has(state.code)) this.retryLater(RETRY_REFUSED_MS);
        this.startPolling();
        return;
    }
  }

  private async subscribe(reconnect: boolean): Promise<void> {
    this.inReplay = reconnect;
    try {
      const ack = await this.client.subscribe();
      this.inReplay = false;
      if (ack.status === 'error') {
        this.handlers.onNote(ack.message);
        return;
      }
      const note = replayNote(ack, reconnect);
      if (note) this.handlers.onNote(note);
      await this.syncUntilKnown();
      this.handlers.onResumed();
    } catch {
      // The socket dropped mid-call; the next connect subscribes again.
    } finally {
      this.inReplay = false;
    }
  }

  /** Syncs once, and again while the server knows no state yet (see EMPTY_SYNC_RETRIES), as long as live. */
  private async syncUntilKnown(): Promise<void> {
    for (let retries = EMPTY_SYNC_RETRIES; ; retries--) {
      const ack = await this.client.requestPlaybackSync();
      if (!('playbackState' in ack)) {
        this.handlers.onNote(ack.message);
        return;
      }
      this.handlers.onState(ack.playbackState);
      if (ack.playbackState !== null || retries === 0) return;
      await new Promise((resolve) => setTimeout(resolve, EMPTY_SYNC_RETRY_MS));
      if (this.closed || !this.live) return;
    }
  }

  private armFallback(): void {
    if (this.fallbackTimer !== null || this.status.polling) return;
    this.fallbackTimer = setTimeout(() => {
      this.fallbackTimer = null;
      if (!this.live) this.startPolling();
    }, FALLBACK_AFTER_MS);
  }

  private startPolling(): void {
    if (this.pollTimer !== null || this.closed) return;
    this.setStatus({ polling: true });
    void this.poll();
    this.pollTimer = setInterval(() => void this.poll(), POLL_EVERY_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
    if (this.status.polling) this.setStatus({ polling: false });
  }

  private async poll(): Promise<void> {
    try {
      this.handlers.onState(await this.api.playback());
      this.lastPollError = null;
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) {
        this.handlers.onSignedOut(error.message);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastPollError) this.handlers.onNote(message);
      this.lastPollError = message;
    }
  }

  private retryLater(ms: number): void {
    this.clearTimer('retryTimer');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed && !this.client.socket.connected) this.client.socket.connect();
    }, ms);
  }

  private clearTimer(name: 'fallbackTimer' | 'retryTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }

  private setStatus(change: Partial<ConnectionStatus>): void {
    this.status = { ...this.status, ...change };
    this.handlers.onConnection(this.status);
  }
}
