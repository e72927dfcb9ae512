import { classifySpotifyExchange, type ExpectedBody, type SpotifyReadResult } from '../spotify';
import type { SpotifyExchange } from '../spotify';
import type { Clock } from '../time/clock';
import type { SimWorld } from './world';

export interface InProcessReaderOptions {
  /** Like the adapter's: a hang or a longer latency fault ends in a timeout. Default 5000. */
  timeoutMs: number;
  /** For a 429 without a readable `Retry-After`. Default 30 000. */
  defaultRetryAfterMs: number;
}

/**
 * The worker's two reads served by a `SimWorld` in the same process, with no HTTP: latency faults become sleeps
 * on the world's clock, and responses go through the adapter's own classification, so the worker sees exactly
 * the results and failures it would see over the wire. This is what lets the detection benchmark run an hour of
 * listeners in virtual time.
 */
export class InProcessPlaybackReader {
  private readonly options: InProcessReaderOptions;

  constructor(
    private readonly world: SimWorld,
    private readonly clock: Clock,
    options: Partial<InProcessReaderOptions> = {},
  ) {
    this.options = { timeoutMs: 5000, defaultRetryAfterMs: 30_000, ...options };
  }

  getPlayer(accessToken: string): Promise<SpotifyReadResult> {
    return this.read('/v1/me/player', { additional_types: 'track,episode' }, accessToken, 'json-or-empty');
  }

  getQueue(accessToken: string): Promise<SpotifyReadResult> {
    return this.read('/v1/me/player/queue', {}, accessToken, 'json');
  }

  private async read(
    path: string,
    query: Record<string, string>,
    accessToken: string,
    expect: ExpectedBody,
  ): Promise<SpotifyReadResult> {
    const { timeoutMs, defaultRetryAfterMs } = this.options;
    const response = this.world.request({
      method: 'GET',
      path,
      query,
      authorization: `Bearer ${accessToken}`,
    });
    const context = {
      service: 'api' as const,
      operation: `GET ${path}`,
      expect,
      timeoutMs,
      defaultRetryAfterMs,
    };
    const hangs = response.wireFailure === 'hang' || response.latencyMs >= timeoutMs;
    if (response.latencyMs > 0 || hangs) await this.clock.sleep(hangs ? timeoutMs : response.latencyMs);
    let exchange: SpotifyExchange;
    if (hangs) {
      exchange = { kind: 'no-response', error: new Error('timed out'), timedOut: true };
    } else if (response.wireFailure === 'reset') {
      exchange = {
        kind: 'no-response',
        error: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        timedOut: false,
      };
    } else {
      exchange = {
        kind: 'response',
        status: response.status,
        headers: lowerCaseKeys(response.headers),
        body:
          response.wireFailure === 'malformed'
            ? { kind: 'malformed', problem: 'not JSON: Unexpected end of JSON input' }
            : response.body === undefined
              ? { kind: 'empty' }
              : { kind: 'json', value: response.body },
        receivedAt: this.clock.now(),
      };
    }
    const failure = classifySpotifyExchange(exchange, context);
    if (failure !== null) throw failure;
    if (exchange.kind !== 'response') throw new Error('unreachable: a no-response exchange always fails');
    return {
      status: exchange.status,
      headers: exchange.headers,
      receivedAt: exchange.receivedAt,
      body: exchange.body.kind === 'json' ? exchange.body.value : undefined,
    };
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
