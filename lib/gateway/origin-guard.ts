import type { IncomingMessage } from 'node:http';

type AllowRequest = (
  request: IncomingMessage,
  callback: (error: string | null | undefined, ok: boolean) => void,
) => void;

/**
 * Which browser origins may open a socket (ALLOWED_ORIGINS), checked in engine.io's `allowRequest` before any
 * handshake: a request without an Origin header (not a browser) or from the gateway's own origin is let in, as
 * is one from a listed origin; any other is answered 403 with a sentence saying why. An empty list allows the
 * same origin only.
 */
export class OriginGuard {
  readonly allowedOrigins: readonly string[];
  private readonly listeners = new Set<(origin: string) => void>();

  constructor(allowedOrigins: readonly string[] = []) {
    this.allowedOrigins = Object.freeze(allowedOrigins.map(normalizedOrigin));
  }

  /** Whether a request with this Origin header to this Host may connect. Pure. */
  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.allowedOrigins.includes(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  /** For engine.io's `allowRequest` option. */
  readonly allowRequest: AllowRequest = (request, callback) => {
    const origin = request.headers.origin;
    if (this.allows(origin, request.headers.host)) {
      callback(null, true);
      return;
    }
    const shown = String(origin).slice(0, 200);
    for (const listener of this.listeners) listener(shown);
    callback(
      `Connections from the origin ${shown} are not allowed; the server lists the origins it accepts in ALLOWED_ORIGINS.`,
      false,
    );
  };

  /** Calls `listener` with each refused origin (for logs and metrics). Returns the unsubscribe function. */
  onRefused(listener: (origin: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function normalizedOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new RangeError(
      `Allowed origin ${JSON.stringify(origin)} is not an origin like https://app.example.com`,
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '')) {
    throw new RangeError(
      `Allowed origin ${JSON.stringify(origin)} must be a scheme, host and port only, like https://app.example.com`,
    );
  }
  return url.origin;
}
