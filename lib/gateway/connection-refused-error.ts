import type { MusicConnectErrorData, MusicErrorCode } from '../contract/protocol';

/**
 * Why a handshake was refused. Socket.IO sends `message` and `data` to the client as its `connect_error`, so
 * the message is a sentence for people and `data.code` the reason a program branches on.
 */
export class ConnectionRefusedError extends Error {
  readonly data: MusicConnectErrorData;

  constructor(
    readonly code: MusicErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectionRefusedError';
    this.data = { code };
  }
}
