import type { LibraryRequest } from 'spotify-web-api-node/src/base-request';
import { classifySpotifyExchange } from './classify-spotify-exchange';
import { parseResponseBody } from './response-body';
import type { ExchangeContext, ExpectedBody, ResponseExchange } from './spotify-exchange';
import type { SpotifyService } from './spotify-headers';
import type { SpotifyTransportSettings } from './spotify-transport-settings';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/**
 * Sends a request built by the library's builders, with `fetch` instead of the library's HTTP manager: the
 * manager builds its superagent request internally, so no timeout can be set on it and a timer around it
 * cannot cancel the socket; it also hands a malformed JSON body back as a bare parser error without status or
 * headers. Here the injected clock's timer aborts the request (connection and body alike), and every outcome
 * goes through `classifySpotifyExchange`: this resolves with a 2xx carrying what the caller asked for, or
 * rejects with a SpotifyFailure.
 */
export async function sendSpotifyRequest(
  request: LibraryRequest,
  method: HttpMethod,
  target: { service: SpotifyService; expect: ExpectedBody },
  settings: SpotifyTransportSettings,
): Promise<ResponseExchange> {
  const { clock, timeoutMs } = settings;
  const abort = new AbortController();
  const stopTimer = new AbortController();
  let timedOut = false;
  clock.sleep(timeoutMs, stopTimer.signal).then(
    () => {
      timedOut = true;
      abort.abort();
    },
    () => undefined,
  );

  const context: ExchangeContext = {
    ...target,
    operation: `${method} ${request.getPath()}`,
    timeoutMs,
    defaultRetryAfterMs: settings.defaultRetryAfterMs,
  };
  // Built outside the try: a mistake here is a bug to surface, not a transport failure to classify.
  const url = urlOf(request);
  const init: RequestInit = {
    method,
    headers: new Headers(request.getHeaders()),
    body: bodyOf(request),
    signal: abort.signal,
  };
  let exchange: ResponseExchange;
  try {
    const response = await fetch(url, init);
    const receivedAt = clock.now();
    const text = await response.text();
    exchange = {
      kind: 'response',
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: parseResponseBody(text),
      receivedAt,
    };
  } catch (error) {
    throw classifySpotifyExchange({ kind: 'no-response', error, timedOut }, context);
  } finally {
    stopTimer.abort();
  }
  const failure = classifySpotifyExchange(exchange, context);
  if (failure !== null) throw failure;
  return exchange;
}

/** The URI plus the query parameters that are set, each properly encoded (the library's `getURL` does not). */
function urlOf(request: LibraryRequest): URL {
  const url = new URL(request.getURI());
  for (const [name, value] of Object.entries(request.getQueryParameters() ?? {})) {
    if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
  }
  return url;
}

/** Encoded as the library does: JSON when so declared, a form for the accounts service, else no body. */
function bodyOf(request: LibraryRequest): string | undefined {
  const contentType = request.getHeaders()?.['Content-Type'];
  const parameters = request.getBodyParameters();
  if (contentType === 'application/json') return JSON.stringify(parameters ?? {});
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters ?? {})) {
      if (value !== undefined && value !== null) form.set(name, String(value));
    }
    return form.toString();
  }
  return undefined;
}
