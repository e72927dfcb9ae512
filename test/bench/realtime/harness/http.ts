import { sleep } from './wall-clock';

/** Small JSON-over-HTTP helpers for the control APIs and health endpoints (Node's fetch). */

export async function requestJson<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed as T };
}

/** Like `requestJson`, but throws unless the status is 2xx. */
export async function okJson<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
  const answer = await requestJson<T>(method, url, body);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/**
 * Polls `url` until it answers one of `statuses` (default 200); returns the ms it took. Throws after
 * `timeoutMs` with the last answer.
 */
export async function waitForHealthy(
  url: string,
  timeoutMs: number,
  stillAlive: () => boolean = () => true,
  statuses: readonly number[] = [200],
): Promise<number> {
  const started = performance.now();
  let last = 'no answer';
  while (performance.now() - started < timeoutMs) {
    if (!stillAlive()) throw new Error(`the process behind ${url} exited (last answer: ${last})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      last = `${response.status} ${(await response.text()).slice(0, 300)}`;
      if (statuses.includes(response.status)) return performance.now() - started;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(50);
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms (last answer: ${last})`);
}
