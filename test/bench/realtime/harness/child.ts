import { spawn, type ChildProcess, type Serializable } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildSpec {
  /** Names the log file (`<logDir>/<name>.log`) and the errors. */
  name: string;
  /** The compiled script node runs. */
  script: string;
  args?: readonly string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  /** Flags for node itself (`--expose-gc`, `--require …`). */
  nodeArgs?: readonly string[];
  /** Open an IPC channel (`process.send` in the child). Default false. */
  ipc?: boolean;
  /** Resolve `firstLine` with the child's first stdout line (the simulator prints its URLs there). Default false. */
  firstLine?: boolean;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Raises the soft file-descriptor limit to the hard one, then execs node (so the pid is node's): 10,000
 * sockets need more than the usual 1,024. `ulimit -n 65536` would fail where the hard limit is lower.
 */
const RAISE_FILE_LIMIT = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';

/**
 * One process of the benchmark (redis aside): started through bash with the file limit raised, its stderr and
 * further stdout appended to a log file, killable with any signal. `exited` resolves when it is gone.
 */
export class Child {
  readonly process: ChildProcess;
  readonly exited: Promise<ChildExit>;
  readonly firstLine: Promise<string>;
  private readonly log: WriteStream;
  private exit: ChildExit | null = null;

  constructor(readonly spec: ChildSpec) {
    this.log = createWriteStream(join(spec.logDir, `${spec.name}.log`), { flags: 'a' });
    const stdio: Array<'ignore' | 'pipe' | 'ipc'> = ['ignore', 'pipe', 'pipe'];
    if (spec.ipc) stdio.push('ipc');
    this.process = spawn(
      'bash',
      ['-c', RAISE_FILE_LIMIT, process.execPath, ...(spec.nodeArgs ?? []), spec.script, ...(spec.args ?? [])],
      { env: spec.env, stdio },
    );
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    this.process.stderr?.pipe(this.log, { end: false });
    this.firstLine = spec.firstLine ? this.readFirstLine() : Promise.resolve('');
    if (!spec.firstLine) this.process.stdout?.pipe(this.log, { end: false });
    // A spawn failure is reported through `exited`.
    this.process.once('error', (error) => this.log.write(`spawn error: ${error.message}\n`));
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  get alive(): boolean {
    return this.exit === null;
  }

  get logFile(): string {
    return join(this.spec.logDir, `${this.spec.name}.log`);
  }

  /** Sends `signal` and resolves when the process is gone (at once when it already is). */
  kill(signal: NodeJS.Signals): Promise<ChildExit> {
    if (this.alive) this.process.kill(signal);
    return this.exited;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<ChildExit> {
    if (!this.alive) return this.exited;
    const killer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    try {
      return await this.kill('SIGTERM');
    } finally {
      clearTimeout(killer);
      this.log.end();
    }
  }

  send(message: Serializable): void {
    if (!this.process.connected) throw new Error(`${this.spec.name}: no IPC channel (exited?)`);
    this.process.send(message);
  }

  /** The last lines of the log, for error messages. */
  tail(lines = 20): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** The soft limit of open files the process runs with (Linux: /proc/<pid>/limits), or null. */
  openFileLimit(): number | null {
    try {
      const limits = readFileSync(`/proc/${this.pid}/limits`, 'utf8');
      const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
      return match?.[1] === undefined ? null : match[1] === 'unlimited' ? Infinity : Number(match[1]);
    } catch {
      return null;
    }
  }

  private readFirstLine(): Promise<string> {
    const stdout = this.process.stdout;
    if (!stdout) return Promise.reject(new Error(`${this.spec.name}: no stdout`));
    return new Promise((resolve, reject) => {
      const lines = createInterface({ input: stdout });
      let first: string | null = null;
      lines.on('line', (line) => {
        if (first === null) {
          first = line;
          resolve(line);
        } else this.log.write(`${line}\n`);
      });
      void this.exited.then(({ code, signal }) => {
        if (first === null)
          reject(new Error(`${this.spec.name} exited (${signal ?? code}) before printing:\n${this.tail()}`));
      });
    });
  }
}
