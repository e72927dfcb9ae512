import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../../support/throwaway-redis';
import { Accounts } from './accounts';
import { DaemonProcess, type DaemonRole } from './daemon-process';
import { repoRoot } from './paths';
import { RedisProcess } from './redis-process';
import { SimulatorProcess, type SimulatorProcessOptions } from './simulator-process';

export interface StackOptions {
  /** Names the log directory: `bench-results/realtime-logs/<name>`, emptied at the start. */
  name: string;
  /** Redis with `--appendonly yes` (the drills restart it). Default false. */
  appendOnly?: boolean;
  simulator?: Omit<SimulatorProcessOptions, 'logDir'>;
  /** Environment every worker and web process gets on top of the stack's own (budget, buffer size, TTLs). */
  daemonEnv?: Record<string, string>;
}

/** Drawn per run: TOKEN_ENCRYPTION_KEY, SESSION_SECRET, INTERNAL_API_TOKEN. */
interface StackSecrets {
  encryptionKey: string;
  sessionSecret: string;
  internalApiToken: string;
}

/**
 * A throw-away deployment on loopback: redis-server, the simulator, and any number of worker and web processes
 * sharing one configuration (secrets drawn per run, logs at warn in one directory), plus `accounts` to sign
 * listeners in and create their sessions. `close` stops everything it started, in reverse order.
 */
export class Stack {
  readonly workers: DaemonProcess[] = [];
  readonly webs: DaemonProcess[] = [];

  private constructor(
    readonly logDir: string,
    readonly redis: RedisProcess,
    readonly simulator: SimulatorProcess,
    readonly accounts: Accounts,
    private readonly secrets: StackSecrets,
    private readonly options: StackOptions,
  ) {}

  get internalApiToken(): string {
    return this.secrets.internalApiToken;
  }

  static async start(options: StackOptions): Promise<Stack> {
    // One directory per benchmark, replaced on each run: the latest logs (and Redis' files) stay for a look.
    const logDir = join(repoRoot, 'bench-results', 'realtime-logs', options.name);
    rmSync(logDir, { recursive: true, force: true });
    mkdirSync(logDir, { recursive: true });
    const redis = await RedisProcess.start({ dir: logDir, appendOnly: options.appendOnly ?? false });
    let simulator: SimulatorProcess;
    try {
      simulator = await SimulatorProcess.start({ logDir, ...options.simulator });
    } catch (error) {
      await redis.stop();
      throw error;
    }
    const secrets: StackSecrets = {
      encryptionKey: randomBytes(32).toString('base64'),
      sessionSecret: randomBytes(24).toString('base64url'),
      internalApiToken: randomBytes(18).toString('base64url'),
    };
    const accounts = new Accounts({
      redisUrl: redis.url,
      keyPrefix: 'music:',
      encryptionKey: secrets.encryptionKey,
    });
    return new Stack(logDir, redis, simulator, accounts, secrets, options);
  }

  /** The configuration of every daemon process of this stack, as environment variables. */
  daemonEnv(extra: Record<string, string> = {}): Record<string, string> {
    const { hello } = this.simulator;
    return {
      LOG_LEVEL: 'warn',
      REDIS_URL: this.redis.url,
      SPOTIFY_API_URL: hello.apiUrl,
      SPOTIFY_ACCOUNTS_URL: hello.accountsUrl,
      SPOTIFY_CLIENT_ID: hello.clientId,
      SPOTIFY_CLIENT_SECRET: hello.clientSecret,
      TOKEN_ENCRYPTION_KEY: this.secrets.encryptionKey,
      SESSION_SECRET: this.secrets.sessionSecret,
      INTERNAL_API_TOKEN: this.secrets.internalApiToken,
      ...this.options.daemonEnv,
      ...extra,
    };
  }

  async startWorker(name: string, extra: Record<string, string> = {}): Promise<DaemonProcess> {
    const worker = await this.startDaemon('worker', name, { WORKER_ID: name, ...extra });
    this.workers.push(worker);
    return worker;
  }

  async startWeb(name: string, extra: Record<string, string> = {}): Promise<DaemonProcess> {
    const web = await this.startDaemon('web', name, { WORKER_ID: name, ...extra });
    this.webs.push(web);
    return web;
  }

  async close(): Promise<void> {
    await Promise.all(this.webs.map((web) => web.stop(5000)));
    await Promise.all(this.workers.map((worker) => worker.stop(5000)));
    await this.accounts.close().catch(() => undefined);
    await this.simulator.stop();
    await this.redis.stop();
  }

  private async startDaemon(
    role: DaemonRole,
    name: string,
    extra: Record<string, string>,
  ): Promise<DaemonProcess> {
    const port = await freePort();
    const portVariable = role === 'worker' ? 'WORKER_PORT' : 'PORT';
    return DaemonProcess.start({
      role,
      name,
      port,
      env: this.daemonEnv({ ...extra, [portVariable]: String(port) }),
      logDir: this.logDir,
    });
  }
}
