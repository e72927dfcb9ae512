import type { Request, Response } from 'express';
import type { Clock } from '../../time/clock';
import type { ApiResponse } from '../api-request';

/**
 * Writes an in-process `ApiResponse` to the wire, enacting its faults: the latency first, then a hang (no
 * answer until the client or the server gives up), a reset (the socket destroyed), or a body cut in half.
 */
export async function sendApiResponse(
  req: Request,
  res: Response,
  response: ApiResponse,
  clock: Clock,
): Promise<void> {
  if (response.latencyMs > 0) await clock.sleep(response.latencyMs);
  if (response.wireFailure === 'hang') return;
  if (response.wireFailure === 'reset') {
    req.socket.destroy();
    return;
  }
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.body === undefined) {
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'private, max-age=0');
  res.end(response.wireFailure === 'malformed' ? text.slice(0, Math.floor(text.length / 2)) : text);
}

/** Express's parsed query (`string | string[] | ...`) as single strings: the first value of each name. */
export function singleValues(query: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (typeof query !== 'object' || query === null) return out;
  for (const [name, value] of Object.entries(query)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[name] = first;
  }
  return out;
}
