import { ConfigError, loadConfig, processEnv } from '../lib/config';
import { createLogger } from '../lib/log/logger';
import { startWorkerProcess, workerConfigProblem } from '../lib/worker/worker-process';

/**
 * The `worker:` process: polls the active listeners it holds leases for and publishes their events through
 * Redis. SIGTERM or SIGINT stop it gracefully (stop scheduling, finish in-flight polls, release leases, quit
 * Redis); a second signal does not start a second shutdown.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(processEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`worker: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const problem = workerConfigProblem(config);
  if (problem !== null) {
    process.stderr.write(`worker: refusing to start: ${problem}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: config.logLevel, service: 'worker' });
  const running = await startWorkerProcess(config, logger);
  const stop = (signal: string) => {
    logger.info('worker stopping', { signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('worker did not stop cleanly', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
