import { parseArgs } from 'node:util';
import type { SimulatorOptionsInput } from './schemas';
import { SimulatorOptionsError } from './simulator-options-error';

/** The flags of `npm run --silent simulator -- ...`, parsed and checked before anything starts. */

export interface SimulatorCommand {
  help: boolean;
  port: number;
  host: string;
  listeners: number;
  actors: boolean;
  logLevel: string;
  world: SimulatorOptionsInput;
}

export const SIMULATOR_USAGE = `Usage: npm run --silent simulator -- [options]

Starts a simulated Spotify Web API and accounts service. The first line on stdout is one JSON object:
{"apiUrl","accountsUrl","clientId","clientSecret","listeners":[{"id","accessToken","refreshToken"}]};
logs go to stderr.

Options:
  --port <n>             port to listen on, 0 for a free one (default 4010)
  --host <address>       address to bind (default 127.0.0.1)
  --listeners <n>        listeners to create (default 3)
  --seed <value>         seed of the catalog, listeners and actors (default 1)
  --no-actors            listeners do nothing by themselves (default: they use the app)
  --client-id <id>       the app's client id (default: drawn from the seed)
  --client-secret <s>    the app's client secret (default: drawn from the seed)
  --rate-limit <n>       requests allowed per rolling window (default 180)
  --window-ms <n>        rolling window length in ms (default 30000)
  --consistency-ms <n>   a command shows after a random delay up to this (default 1000)
  --token-ttl-s <n>      access token lifetime in seconds (default 3600)
  --log-level <level>    error, warn, info or debug (default info)
  --help                 print this and exit`;

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'];

function integer(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max = Infinity,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < min || number > max) {
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    throw new SimulatorOptionsError(`--${name} must be an integer ${range}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** Throws a SimulatorOptionsError with a message fit for the terminal. */
export function parseSimulatorArgs(args: readonly string[]): SimulatorCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        listeners: { type: 'string' },
        seed: { type: 'string' },
        'no-actors': { type: 'boolean' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'rate-limit': { type: 'string' },
        'window-ms': { type: 'string' },
        'consistency-ms': { type: 'string' },
        'token-ttl-s': { type: 'string' },
        'log-level': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new SimulatorOptionsError(error instanceof Error ? error.message : String(error));
  }
  const text = (name: string) => values[name] as string | undefined;
  const logLevel = text('log-level') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new SimulatorOptionsError(
      `--log-level must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`,
    );
  }
  const seedText = text('seed');
  const seed = seedText === undefined ? 1 : /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
  const world: SimulatorOptionsInput = {
    seed,
    rateLimit: {
      limit: integer('rate-limit', text('rate-limit'), 180, 1),
      windowMs: integer('window-ms', text('window-ms'), 30_000, 1),
    },
    consistency: { minMs: 0, maxMs: integer('consistency-ms', text('consistency-ms'), 1000, 0) },
    tokens: { accessTokenTtlMs: integer('token-ttl-s', text('token-ttl-s'), 3600, 1) * 1000 },
  };
  if (text('client-id') !== undefined) world.clientId = text('client-id');
  if (text('client-secret') !== undefined) world.clientSecret = text('client-secret');
  return {
    help: values.help === true,
    port: integer('port', text('port'), 4010, 0, 65_535),
    host: text('host') ?? '127.0.0.1',
    listeners: integer('listeners', text('listeners'), 3, 0, 10_000),
    actors: values['no-actors'] !== true,
    logLevel,
    world,
  };
}
