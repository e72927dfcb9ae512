import { ConfigError, loadConfig, processEnv } from '../lib/config';
import { createLogger } from '../lib/log/logger';
import { startWebProcess, webConfigProblem } from '../lib/app/web-process';

/**
 * The `web:` process: the `/music` gateway, the web client, the control routes, sign-in, health and metrics,
 * sharing everything with the workers and the other web processes through Redis. SIGTERM or SIGINT stop it
 * gracefully (stop accepting, tell every socket why and close it, close the adapter, quit Redis); a second
 * signal does not start a second shutdown.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(processEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`web: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const problem = webConfigProblem(config);
  if (problem !== null) {
    process.stderr.write(`web: refusing to start: ${problem}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: config.logLevel, service: 'web' });
  const running = await startWebProcess(config, logger);
  const stop = (signal: string) => {
    logger.info('web stopping', { signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('web did not stop cleanly', {
          error: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`web: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
