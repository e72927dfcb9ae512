import type { DefaultEventsMap, Namespace, Server, Socket } from 'socket.io';
import type { ServerToClientEvents } from '../contract/events';
import type {
  ClientToServerEvents,
  PlaybackSyncAck,
  SubscribeAck,
  UnsubscribeAck,
} from '../contract/protocol';

/** What the gateway keeps on each socket once its handshake is accepted. */
export interface MusicSocketData {
  userId: string;
  /** From the handshake: replayed after on subscribe. */
  lastEventId: string | null;
  subscribed: boolean;
}

/** A Socket.IO server typed with the `/music` contract. */
export type MusicServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type MusicNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  DefaultEventsMap,
  MusicSocketData
>;
export type MusicServerSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  DefaultEventsMap,
  MusicSocketData
>;
/** Any acknowledgement of a client call. */
export type CallAnswer = SubscribeAck | UnsubscribeAck | PlaybackSyncAck;
