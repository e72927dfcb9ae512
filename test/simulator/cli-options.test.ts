import { parseSimulatorArgs } from '../../lib/simulator/cli-options';
import { SimulatorOptionsError } from '../../lib/simulator/simulator-options-error';

describe('simulator command flags', () => {
  it('has defaults for everything', () => {
    expect(parseSimulatorArgs([])).toEqual({
      help: false,
      port: 4010,
      host: '127.0.0.1',
      listeners: 3,
      actors: true,
      logLevel: 'info',
      world: {
        seed: 1,
        rateLimit: { limit: 180, windowMs: 30_000 },
        consistency: { minMs: 0, maxMs: 1000 },
        tokens: { accessTokenTtlMs: 3_600_000 },
      },
    });
  });

  it('reads every flag', () => {
    const command = parseSimulatorArgs([
      '--port=0',
      '--listeners',
      '12',
      '--seed',
      'demo',
      '--no-actors',
      '--client-id',
      'id',
      '--client-secret',
      'secret',
      '--rate-limit',
      '50',
      '--window-ms',
      '1000',
      '--consistency-ms',
      '0',
      '--token-ttl-s',
      '60',
      '--log-level',
      'debug',
      '--host',
      '0.0.0.0',
    ]);
    expect(command).toEqual({
      help: false,
      port: 0,
      host: '0.0.0.0',
      listeners: 12,
      actors: false,
      logLevel: 'debug',
      world: {
        seed: 'demo',
        clientId: 'id',
        clientSecret: 'secret',
        rateLimit: { limit: 50, windowMs: 1000 },
        consistency: { minMs: 0, maxMs: 0 },
        tokens: { accessTokenTtlMs: 60_000 },
      },
    });
  });

  it.each([
    [['--port', 'abc'], '--port must be an integer from 0 to 65535, got "abc"'],
    [['--port', '70000'], '--port must be an integer from 0 to 65535, got "70000"'],
    [['--listeners', '-1'], /--listeners/],
    [['--rate-limit', '0'], '--rate-limit must be an integer >= 1, got "0"'],
    [['--log-level', 'loud'], '--log-level must be one of error, warn, info, debug, got "loud"'],
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /positional/],
  ])('refuses %j', (args, message) => {
    expect(() => parseSimulatorArgs(args)).toThrow(SimulatorOptionsError);
    expect(() => parseSimulatorArgs(args)).toThrow(message);
  });
});
