import type { PlaybackState } from './events';

/**
 * The client protocol of `/music` (DESIGN section 5): what a client sends at the handshake, the calls it may
 * make, and their acknowledgements.
 */

/** `io(url + '/music', { auth })`. socket.io-client may take `auth` as a function, re-read on every reconnect. */
export interface MusicHandshakeAuth {
  /** The web app's session id. Browsers signed in through `/auth/login` may send the session cookie instead. */
  sessionId?: string;
  /** The last event id the client has seen; events after it are replayed on subscribe. */
  lastEventId?: string;
}

/** Machine-readable reasons for a refused call or connection. */
export type MusicErrorCode =
  | 'unauthenticated'
  | 'session_expired'
  | 'origin_not_allowed'
  | 'too_many_connections'
  | 'rate_limited'
  | 'not_subscribed'
  | 'unavailable'
  | 'bad_request';

export interface MusicErrorAck {
  status: 'error';
  code: MusicErrorCode;
  /** A sentence for people. */
  message: string;
}

export type SubscribeAck =
  { status: 'subscribed'; replayed: number } | { status: 'subscribed'; resync: true } | MusicErrorAck;

export type UnsubscribeAck = { status: 'unsubscribed' } | MusicErrorAck;

/** The latest stored state, or null (the worker is nudged to poll and an event follows). */
export type PlaybackSyncAck = { playbackState: PlaybackState | null } | MusicErrorAck;

/** Socket.IO client → server calls of `/music`. */
export interface ClientToServerEvents {
  subscribeToPlayback: (ack: (response: SubscribeAck) => void) => void;
  unsubscribeFromPlayback: (ack: (response: UnsubscribeAck) => void) => void;
  requestPlaybackSync: (ack: (response: PlaybackSyncAck) => void) => void;
}

/** `connect_error` carries an Error whose `data` is this. */
export interface MusicConnectErrorData {
  code: MusicErrorCode;
}
