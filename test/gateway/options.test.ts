import type { IncomingMessage } from 'node:http';
import { musicServerOptions, OriginGuard, resolveGatewayOptions } from '../../lib/gateway';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('OriginGuard', () => {
  const guard = new OriginGuard(['https://app.example.com', 'http://localhost:5173/']);

  it.each<[string | undefined, string, boolean]>([
    [undefined, 'gateway:3000', true],
    ['https://app.example.com', 'gateway:3000', true],
    ['http://localhost:5173', 'gateway:3000', true],
    ['http://gateway:3000', 'gateway:3000', true],
    ['https://evil.example', 'gateway:3000', false],
    ['https://app.example.com.evil.example', 'gateway:3000', false],
    ['null', 'gateway:3000', false],
  ])('origin %s to host %s: allowed %s', (origin, host, allowed) => {
    expect(guard.allows(origin, host)).toBe(allowed);
  });

  it('allows the same origin only when the list is empty', () => {
    const sameOnly = new OriginGuard([]);
    expect(sameOnly.allows('http://localhost:3000', 'localhost:3000')).toBe(true);
    expect(sameOnly.allows('http://localhost:5173', 'localhost:3000')).toBe(false);
  });

  it('answers allowRequest with a sentence, and tells its listeners', () => {
    const refused: string[] = [];
    const stop = guard.onRefused((origin) => refused.push(origin));
    const answers: [unknown, boolean][] = [];
    guard.allowRequest(request({ origin: 'https://evil.example', host: 'g' }), (error, ok) =>
      answers.push([error, ok]),
    );
    guard.allowRequest(request({ origin: 'https://app.example.com', host: 'g' }), (error, ok) =>
      answers.push([error, ok]),
    );
    stop();
    guard.allowRequest(request({ origin: 'https://evil2.example', host: 'g' }), () => undefined);
    expect(answers).toEqual([
      [expect.stringMatching(/^Connections from the origin https:\/\/evil\.example are not allowed/), false],
      [null, true],
    ]);
    expect(refused).toEqual(['https://evil.example']);
  });

  it.each(['app.example.com', 'https://app.example.com/path', 'ftp://files.example.com'])(
    'rejects the configured origin %j',
    (origin) => {
      expect(() => new OriginGuard([origin])).toThrow(RangeError);
    },
  );
});

describe('musicServerOptions', () => {
  it('limits what a client may send, turns compression off and checks origins', () => {
    const guard = new OriginGuard(['https://app.example.com']);
    expect(musicServerOptions(guard)).toEqual({
      maxHttpBufferSize: 64 * 1024,
      perMessageDeflate: false,
      httpCompression: false,
      allowRequest: guard.allowRequest,
      cors: { origin: ['https://app.example.com'], credentials: true },
    });
    expect(musicServerOptions(new OriginGuard())).not.toHaveProperty('cors');
    expect(() => musicServerOptions(guard, { maxHttpBufferSize: 1_000_000 })).toThrow(
      /at most|from 1024 to 65536/,
    );
  });
});

describe('resolveGatewayOptions', () => {
  it('fills the defaults', () => {
    expect(resolveGatewayOptions({ gatewayId: 'web-1' })).toEqual({
      gatewayId: 'web-1',
      maxConnectionsPerUser: 5,
      heartbeatIntervalMs: 5000,
      heartbeatTtlMs: 15_000,
      replayBatchSize: 500,
      storeTimeoutMs: 3000,
      closeTransport: true,
    });
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ gatewayId: 'web 1' }, /gatewayId/],
    [{ gatewayId: 'w', maxConnectionsPerUser: 0 }, /maxConnectionsPerUser` must be an integer >= 1/],
    [{ gatewayId: 'w', heartbeatIntervalMs: 1000, heartbeatTtlMs: 1000 }, /must be longer than/],
    [{ gatewayId: 'w', heartbeatTtl: 1 }, /Unknown gateway option `heartbeatTtl`/],
  ])('refuses %j', (options, message) => {
    expect(() => resolveGatewayOptions(options as never)).toThrow(message);
  });
});
