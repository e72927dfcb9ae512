import winston from 'winston';
import { SIMULATOR_USAGE, parseSimulatorArgs } from '../lib/simulator/cli-options';
import type { SimulatorCommand } from '../lib/simulator/cli-options';
import { startSimulatorServer } from '../lib/simulator/http/server';
import { SimulatorOptionsError } from '../lib/simulator/simulator-options-error';
import { SimWorld } from '../lib/simulator/world';
import { systemClock } from '../lib/time/system-clock';

/**
 * `npm run --silent simulator -- --port 4010 --listeners 3 --seed 1`: a simulated Spotify on its own, for
 * multi-process setups and tests. The first stdout line is the JSON a client needs (URLs, app credentials,
 * each listener's tokens); everything else is structured logs on stderr, without tokens.
 */

function parseOrExit(): SimulatorCommand {
  try {
    return parseSimulatorArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `simulator: ${error instanceof Error ? error.message : String(error)}\n\n${SIMULATOR_USAGE}\n`,
    );
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const command = parseOrExit();
  if (command.help) {
    process.stdout.write(`${SIMULATOR_USAGE}\n`);
    return;
  }
  const log = winston.createLogger({
    level: command.logLevel,
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    defaultMeta: { service: 'spotify-simulator' },
    transports: [
      new winston.transports.Console({
        stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'],
      }),
    ],
  });

  const world = new SimWorld(systemClock, command.world);
  const listeners = Array.from({ length: command.listeners }, () =>
    world.addListener({ actor: command.actors }),
  );
  const running = await startSimulatorServer(world, { port: command.port, host: command.host, log });
  process.stdout.write(
    `${JSON.stringify({
      apiUrl: running.apiUrl,
      accountsUrl: running.accountsUrl,
      clientId: world.clientId,
      clientSecret: world.clientSecret,
      listeners: listeners.map(({ id, accessToken, refreshToken }) => ({ id, accessToken, refreshToken })),
    })}\n`,
  );
  log.info('simulator listening', {
    apiUrl: running.apiUrl,
    listeners: listeners.length,
    actors: command.actors,
  });

  const shutdown = (signal: string) => {
    log.info('simulator stopping', { signal });
    running.close().then(
      () => log.info('simulator stopped'),
      (error: unknown) => {
        log.error('simulator did not close cleanly', { error: String(error) });
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof SimulatorOptionsError ? 2 : 1);
});
