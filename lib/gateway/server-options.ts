import type { ServerOptions } from 'socket.io';
import type { OriginGuard } from './origin-guard';

/** Socket.IO's default is 1 MB; a music client only ever sends tiny calls. */
export const MAX_HTTP_BUFFER_SIZE = 64 * 1024;

export interface MusicServerOptionsInput {
  /** Largest message a client may send, in bytes; a bigger one closes its connection. At most (and default) 64 KB. */
  maxHttpBufferSize: number;
}

/**
 * The Socket.IO server options of the web process: the origin check in `allowRequest` (with CORS for the
 * listed origins, credentials included so the session cookie is sent), a small receive limit, and no
 * compression (per-message deflate costs memory per socket and invites compression attacks; events are small).
 * Spread them into `new Server(httpServer, {...})`, with the Redis adapter beside them when there is one.
 */
export function musicServerOptions(
  origins: OriginGuard,
  input: Partial<MusicServerOptionsInput> = {},
): Partial<ServerOptions> {
  const maxHttpBufferSize = input.maxHttpBufferSize ?? MAX_HTTP_BUFFER_SIZE;
  if (
    !Number.isSafeInteger(maxHttpBufferSize) ||
    maxHttpBufferSize < 1024 ||
    maxHttpBufferSize > MAX_HTTP_BUFFER_SIZE
  ) {
    throw new RangeError(
      `musicServerOptions: maxHttpBufferSize must be an integer from 1024 to ${MAX_HTTP_BUFFER_SIZE}, got ${JSON.stringify(maxHttpBufferSize)}`,
    );
  }
  const options: Partial<ServerOptions> = {
    maxHttpBufferSize,
    perMessageDeflate: false,
    httpCompression: false,
    allowRequest: origins.allowRequest,
  };
  if (origins.allowedOrigins.length > 0) {
    options.cors = { origin: [...origins.allowedOrigins], credentials: true };
  }
  return options;
}
