import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort, hasRedisServerBinary, pingOnce } from '../../../support/throwaway-redis';
import { sleep } from './wall-clock';

export interface RedisProcessOptions {
  /** Where the append-only file and the log go. */
  dir: string;
  /** `--appendonly yes` (the drills restart Redis and expect the data back). Default false. */
  appendOnly?: boolean;
}

/**
 * A throw-away `redis-server` that can be killed (any signal) and started again on the same port and data
 * directory, unlike the tests' one-shot server. Client limits are raised: 10,000 sockets of a gateway do not
 * open Redis connections, but several processes' pools do.
 */
export class RedisProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly port: number,
    private readonly options: RedisProcessOptions,
  ) {}

  static async start(options: RedisProcessOptions): Promise<RedisProcess> {
    if (!hasRedisServerBinary())
      throw new Error('redis-server is not on PATH (Debian: apt-get install redis-server)');
    const redis = new RedisProcess(await freePort(), options);
    await redis.startServer();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server (again) on the same port and directory; resolves once it answers PING. */
  async startServer(timeoutMs = 15_000): Promise<void> {
    if (this.running) throw new Error('redis-server is already running');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--daemonize', 'no'];
    args.push('--dir', this.options.dir, '--maxclients', '10000');
    args.push('--appendonly', this.options.appendOnly ? 'yes' : 'no');
    const log = createWriteStream(join(this.options.dir, 'redis.log'), { flags: 'a' });
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if (!this.running)
        throw new Error(`redis-server exited at start (see ${join(this.options.dir, 'redis.log')})`);
      if (await pingOnce(this.port)) return;
      await sleep(20);
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server did not answer PING on port ${this.port} within ${timeoutMs} ms`);
  }

  /** Sends `signal` and resolves when the server is gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.running) this.child?.kill(signal);
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const killer = setTimeout(() => this.child?.kill('SIGKILL'), 5000);
    await this.kill('SIGTERM');
    clearTimeout(killer);
  }
}
