import { ConfigError, loadConfig, processEnv } from '../lib/config';
import { createLogger } from '../lib/log/logger';
import { singleProcessConfigProblem, startSingleProcess } from '../lib/app/single-process';
import { startBanner } from '../lib/app/start-banner';

/**
 * `npm start`: the worker and the web side in one process. With nothing configured, the demo (the simulator
 * embedded, a few listeners whose Spotify app keeps doing things); with Spotify credentials, a single-node
 * deployment. SIGTERM or SIGINT stop it gracefully.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(processEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const problem = singleProcessConfigProblem(config);
  if (problem !== null) {
    process.stderr.write(`start: refusing to start: ${problem}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: config.logLevel, service: 'daemon' });
  const running = await startSingleProcess(config, logger);
  process.stdout.write(startBanner(config, running.port, running.demo, running.adminToken));
  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('did not stop cleanly', {
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
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const hint = /EADDRINUSE/.test(text)
    ? '\nstart: the port is taken: set PORT to another one (e.g. PORT=3005 npm start)'
    : '';
  process.stderr.write(`start: ${text}${hint}\n`);
  process.exit(1);
});
