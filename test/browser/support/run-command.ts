import { spawn } from 'node:child_process';

export interface RunCommandOptions {
  cwd: string;
  /** Killed (SIGKILL) and reported as a failure after this long. */
  timeoutMs: number;
}

/**
 * Runs a command to completion without blocking the event loop (so Jest's timeouts still fire); rejects with
 * its output when it fails, cannot start, or outlives `timeoutMs`.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<void> {
  const line = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`\`${line}\` took longer than ${options.timeoutMs / 1000} s:\n${output}`));
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`\`${line}\` could not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`\`${line}\` failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}
