import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { processEnv } from '../../../lib/config';

/** `node dist/daemon/main.js` (what `npm start` runs after building) in demo mode, on a free port. */
export interface DemoDaemon {
  /** The web client's address, as the start banner prints it. */
  readonly url: string;
  /** Everything it wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface DemoDaemonOptions {
  root: string;
  /** How long to wait for the start banner. */
  startTimeoutMs: number;
}

/** The banner's line `  web client      http://localhost:PORT/   …`. */
const WEB_CLIENT_LINE = /web client\s+(http:\/\/\S+)/;

/**
 * Starts the built daemon with a minimal environment: no REDIS_URL (the test run's Redis is not the demo's),
 * no Spotify credentials (they would turn it into a deployment), PORT=0 for a free port.
 */
export async function startDemoDaemon(options: DemoDaemonOptions): Promise<DemoDaemon> {
  const env = processEnv();
  const child = spawn(process.execPath, [join(options.root, 'dist', 'daemon', 'main.js')], {
    cwd: options.root,
    env: { PATH: env.PATH ?? '', HOME: env.HOME ?? '', PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A child that never started emits 'error' and no 'exit'.
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  try {
    const url = await waitForBanner(child, () => stdout, options.startTimeoutMs);
    return { url, output: () => output, stop: (graceMs = 10_000) => stopChild(child, exited, graceMs) };
  } catch (error) {
    await stopChild(child, exited, 2000);
    throw new Error(`${(error as Error).message}\n--- daemon output ---\n${output}`, { cause: error });
  }
}

function waitForBanner(child: ChildProcess, stdout: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null, url?: string) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) reject(error);
      else resolve(url as string);
    };
    const check = () => {
      const match = WEB_CLIENT_LINE.exec(stdout());
      if (match?.[1]) finish(null, match[1]);
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`the daemon exited before printing its banner (${signal ?? `exit ${code}`})`));
    const onError = (error: Error) => finish(new Error(`the daemon could not start: ${error.message}`));
    const timer = setTimeout(
      () => finish(new Error(`the daemon printed no "web client" URL within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    child.once('error', onError);
    check();
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
