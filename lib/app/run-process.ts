import { ConfigError, loadConfig, processEnv, type Config } from '../config';
import { createLogger, type Logger } from '../log/logger';

export interface ProcessSpec<Running extends { stop(): Promise<void> }> {
  /** How the process names itself on stderr and in its logs (`web`, `worker`, `start`). */
  name: string;
  /** Why the configuration cannot run this process, or null. */
  problem: (config: Readonly<Config>) => string | null;
  start: (config: Readonly<Config>, logger: Logger) => Promise<Running>;
  /** What to print on stdout once it runs. */
  banner?: (config: Readonly<Config>, running: Running) => string;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return /EADDRINUSE/.test(text)
    ? `${text}\nthe port is taken: set PORT to another one (e.g. PORT=3005)`
    : text;
}

/**
 * The life of a daemon process: the configuration read and checked (a problem ends it with status 2 and a
 * message saying what to fix), the process started, and SIGTERM / SIGINT stopping it gracefully once (a second
 * signal does not start a second shutdown).
 */
export function runProcess<Running extends { stop(): Promise<void> }>(spec: ProcessSpec<Running>): void {
  const fail = (message: string, status: number): never => {
    process.stderr.write(`${spec.name}: ${message}\n`);
    process.exit(status);
  };
  let config: Readonly<Config>;
  try {
    config = loadConfig(processEnv());
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
  const problem = spec.problem(config);
  if (problem !== null) fail(`refusing to start: ${problem}`, 2);
  const logger = createLogger({ level: config.logLevel, service: spec.name });
  spec.start(config, logger).then(
    (running) => {
      if (spec.banner) process.stdout.write(spec.banner(config, running));
      const stop = (signal: string) => {
        logger.info(`${spec.name} stopping`, { signal });
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => fail(`did not stop cleanly: ${describe(error)}`, 1),
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    },
    (error: unknown) => fail(describe(error), 1),
  );
}
