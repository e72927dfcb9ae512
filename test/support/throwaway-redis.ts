import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A `redis-server` started for one test run: no persistence, a free port, stopped by `stop()`. */
export interface ThrowawayRedis {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface ThrowawayRedisOptions {
  /** Keep an append-only file so data survives a restart (for the restart drills). Default false. */
  appendOnly?: boolean;
  /** Working directory for the append-only file. Required with `appendOnly`. */
  dir?: string;
  /** Start on this port instead of a free one (to restart a server on the same address). */
  port?: number;
}

const MISSING_BINARY =
  'redis-server was not found on PATH. The Redis tests need it: install it (Debian/Ubuntu: `apt-get install redis-server`, ' +
  'macOS: `brew install redis`) or point REDIS_URL at a Redis 7 server you can flush.';

export function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port of a probe server'));
      });
    });
  });
}

export async function startThrowawayRedis(options: ThrowawayRedisOptions = {}): Promise<ThrowawayRedis> {
  if (!hasRedisServerBinary()) throw new Error(MISSING_BINARY);
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--daemonize', 'no'];
  if (options.appendOnly) {
    if (!options.dir) throw new Error('startThrowawayRedis: appendOnly needs a dir');
    args.push('--appendonly', 'yes', '--dir', options.dir);
  } else {
    args.push('--appendonly', 'no');
  }
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPong(port, child, () => output);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(child),
  };
}

/** Resolves once the server answers PING; rejects if it exits first or takes longer than 10 s. */
async function waitForPong(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + 10_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (performance.now() < deadline) {
    if (exited) throw new Error(`redis-server exited at start:\n${output()}`);
    if (await pingOnce(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on port ${port} within 10 s:\n${output()}`);
}

export function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
