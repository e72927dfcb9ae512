import { systemClock } from '../../../lib/time/system-clock';
import { HttpError } from './http-error';
import { parseRetryAfter } from './retry-after';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  headers?: Record<string, string>;
}

/** `{error: {code, message, errors?}}`, or `{error: "message", code?}` as the demo routes answer. */
interface ErrorBody {
  error?: string | { code?: unknown; message?: unknown; errors?: unknown };
  code?: unknown;
}

/**
 * Fetches JSON from the same origin (cookies included) and returns the parsed body; throws `HttpError` with the
 * server's own message for any non-2xx answer, and for a network failure (status 0).
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new HttpError(0, 'network', 'The server cannot be reached. Check your connection.', null);
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (response.ok) return parsed as T;
  const body = parsed as ErrorBody | undefined;
  const error = typeof body?.error === 'string' ? { message: body.error, code: body.code } : body?.error;
  const message =
    typeof error?.message === 'string' ? error.message : `${response.status} ${response.statusText}`.trim();
  const details =
    error && 'errors' in error && Array.isArray(error.errors)
      ? error.errors.filter((line): line is string => typeof line === 'string')
      : [];
  throw new HttpError(
    response.status,
    typeof error?.code === 'string' ? error.code : `http_${response.status}`,
    message,
    parseRetryAfter(response.headers.get('Retry-After'), systemClock.now()),
    details,
  );
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
