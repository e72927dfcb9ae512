import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import express from 'express';
import type { Router } from 'express';
import { createLogger, type Logger } from '../../lib/log/logger';
import type { SessionCredentials, SessionLookup, SessionResolver } from '../../lib/session';

export const silentLog = createLogger({ level: 'error', service: 'test', silent: true });

/** A logger whose JSON lines are kept, to check what is (and is not) written. */
export function capturingLog(): { log: Logger; text(): Promise<string> } {
  const stream = new PassThrough();
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const log = createLogger({ level: 'debug', service: 'web', stream });
  return {
    log,
    text: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return written;
    },
  };
}

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** An express app with just `routers`, on a free port of 127.0.0.1. */
export async function startApp(...routers: Router[]): Promise<RunningApp> {
  const app = express();
  for (const router of routers) app.use(router);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The session cookie's name in these tests. */
export const COOKIE = 'test.sid';

/**
 * Sessions by id: `X-Session-Id: <id>` or the cookie `test.sid=<id>`. An id in `expired` is refused as
 * `session_expired`; `failing()` makes every lookup reject (a store outage).
 */
export class FakeSessions implements SessionResolver {
  readonly expired = new Set<string>();
  readonly seen: SessionCredentials[] = [];
  private down = false;

  constructor(private readonly users: Record<string, string>) {}

  failing(): void {
    this.down = true;
  }

  async resolve(credentials: SessionCredentials): Promise<SessionLookup> {
    this.seen.push(credentials);
    if (this.down) throw new Error('session store down');
    const fromCookie = /(?:^|;\s*)test\.sid=([^;]+)/.exec(credentials.cookieHeader ?? '')?.[1];
    const id = credentials.sessionId ?? fromCookie;
    if (id === undefined) return { status: 'refused', code: 'unauthenticated', message: 'no session' };
    if (this.expired.has(id))
      return { status: 'refused', code: 'session_expired', message: 'session expired' };
    const userId = this.users[id];
    if (userId === undefined)
      return { status: 'refused', code: 'unauthenticated', message: 'unknown session' };
    return { status: 'ok', userId };
  }
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A request with an optional JSON body (`json`) or raw one (`raw`); the answer's body parsed when it is JSON. */
export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown; raw?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined = init.raw;
  if (init.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.json);
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes('json') && text !== '' ? (JSON.parse(text) as unknown) : text,
  };
}

/** The `error` object of a problem answer. */
export function problemOf(answer: Answer): { code: string; message: string } & Record<string, unknown> {
  const error = (answer.body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) {
    throw new Error(`not a problem answer: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return error as { code: string; message: string };
}
