import nock from 'nock';

/** One request as the fake server saw it. */
export interface CapturedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The raw body text ('' for none). */
  body: string;
  headers: Record<string, string>;
}

/**
 * Answers the next `method` request to `baseUrl` (any path) with `reply`, recording what was sent, so a test
 * can compare the whole request at once and see every difference.
 */
export function captureNext(
  baseUrl: string,
  method: string,
  reply: { status: number; body?: string | Record<string, unknown>; headers?: Record<string, string> },
): { scope: nock.Scope; request: () => CapturedRequest } {
  let captured: CapturedRequest | undefined;
  const scope = nock(baseUrl)
    .intercept(/.*/, method)
    .reply(function (uri, requestBody) {
      const url = new URL(uri, 'http://placeholder');
      captured = {
        method: this.req.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody),
        headers: Object.fromEntries(
          Object.entries(this.req.headers).map(([name, value]) => [name, String(value)]),
        ),
      };
      return [reply.status, reply.body ?? '', reply.headers ?? {}];
    });
  return {
    scope,
    request: () => {
      if (captured === undefined) throw new Error(`no ${method} request reached ${baseUrl}`);
      return captured;
    },
  };
}

/** Only loopback may be reached, and only where a test says so: nothing leaves the machine. */
export function isolateNetwork(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}
