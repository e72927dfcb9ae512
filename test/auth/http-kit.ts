import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { SessionData, Store } from 'express-session';
import { unsign } from 'cookie-signature';
import { createLogger } from '../../lib/log/logger';

/** Plain HTTP against an express app on a free loopback port, with the cookie handling a browser would do. */

export async function listen(app: Express): Promise<{ origin: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Fetch without following redirects (the test follows them itself, as the browser would). */
export function request(url: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
  const { cookie, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (cookie !== undefined) headers.set('cookie', cookie);
  return fetch(url, { ...rest, headers, redirect: 'manual' });
}

export function postJson(url: string, body: unknown, cookie?: string): Promise<Response> {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(cookie === undefined ? {} : { cookie }),
  });
}

/** `name=value` of the cookie `name` the response sets, or null. */
export function setCookie(response: Response, name: string): string | null {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${name}=`)) return pair;
  }
  return null;
}

/** The session id inside express-session's signed cookie (`name=s%3A<sid>.<signature>`), or null if forged. */
export function sessionIdOf(cookie: string, secret: string): string | null {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  if (!value.startsWith('s:')) return null;
  const sid = unsign(value.slice(2), secret);
  return sid === false ? null : sid;
}

export function storedSession(
  store: Store,
  sid: string,
): Promise<(SessionData & Record<string, unknown>) | null> {
  return new Promise((resolve, reject) =>
    store.get(sid, (error, session) =>
      error ? reject(error) : resolve((session as (SessionData & Record<string, unknown>) | null) ?? null),
    ),
  );
}

export const silentLogger = createLogger({ level: 'error', service: 'test', silent: true });
