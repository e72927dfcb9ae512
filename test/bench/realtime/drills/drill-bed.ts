import type { ListenerCredentials } from '../../../../lib/simulator';
import type { DaemonProcess } from '../harness/daemon-process';
import { HostApp } from '../harness/host-app';
import { Stack } from '../harness/stack';
import { waitFor } from '../harness/wall-clock';
import { ObservedClient } from './observed-client';

export interface DrillBedOptions {
  name: string;
  listeners: number;
  workers: number;
  webs: number;
  /** Actor rates (events per hour) of every listener: the load the drill runs under. */
  actorRates: Record<string, number>;
  /** LEASE_TTL_MS. Default 3000: takeovers in seconds, not the default 15. */
  leaseTtlMs?: number;
  /** SPOTIFY_BUDGET_PER_30S. Default 600. */
  budgetPerWindow?: number;
  /** More daemon environment. */
  env?: Record<string, string>;
}

/** Actions per hour per listener: something changes for someone every second or so across 20 listeners. */
const BUSY_LISTENER: Record<string, number> = {
  skip: 60,
  volume: 60,
  pause: 30,
  resume: 60,
  seek: 20,
};

/**
 * A deployment for one drill, on a throw-away `redis-server --appendonly yes`: the simulator with busy
 * listeners, signed in, with sessions; workers and web processes; and, once `connectClients` ran, one observed
 * MusicClient per listener in this process. `close` ends it all.
 */
export class DrillBed {
  readonly clients: ObservedClient[] = [];

  private constructor(
    readonly stack: Stack,
    readonly host: HostApp,
    readonly listeners: ListenerCredentials[],
    readonly sessions: string[],
  ) {}

  /**
   * The usual drill: `BUSY_LISTENER` listeners (20 unless `options` says otherwise) on one worker and one web
   * process, each listener's client connected and every listener polled once, then `drill(bed)`; the bed is
   * closed whatever happens.
   */
  static async run<T>(
    options: Pick<DrillBedOptions, 'name'> & Partial<DrillBedOptions>,
    drill: (bed: DrillBed) => Promise<T>,
  ): Promise<T> {
    const bed = await DrillBed.start({
      listeners: 20,
      workers: 1,
      webs: 1,
      actorRates: BUSY_LISTENER,
      ...options,
    });
    try {
      await bed.connectClients();
      await bed.waitUntilPolled();
      return await drill(bed);
    } finally {
      await bed.close();
    }
  }

  static async start(options: DrillBedOptions): Promise<DrillBed> {
    const stack = await Stack.start({
      name: `drill-${options.name}`,
      appendOnly: true,
      daemonEnv: {
        LEASE_TTL_MS: String(options.leaseTtlMs ?? 3000),
        SPOTIFY_BUDGET_PER_30S: String(options.budgetPerWindow ?? 600),
        ...options.env,
      },
    });
    const host = new HostApp({ redisUrl: stack.redis.url });
    try {
      const listeners = await stack.simulator.addListeners(options.listeners, 'playing', options.actorRates);
      await stack.accounts.signIn(listeners);
      const sessions = await stack.accounts.createSessions(listeners.map((listener) => listener.id));
      for (let i = 1; i <= options.webs; i++) await stack.startWeb(`${options.name}-web-${i}`);
      for (let i = 1; i <= options.workers; i++) await stack.startWorker(`${options.name}-worker-${i}`);
      return new DrillBed(stack, host, listeners, sessions);
    } catch (error) {
      await host.close();
      await stack.close();
      throw error;
    }
  }

  get web(): DaemonProcess {
    return this.stack.webs[0] as DaemonProcess;
  }

  get userIds(): string[] {
    return this.listeners.map((listener) => listener.id);
  }

  /** One observed client per listener, through `url` (default the first web process); resolves once all subscribed. */
  async connectClients(url = this.web.origin): Promise<void> {
    this.listeners.forEach((listener, index) => {
      this.clients.push(new ObservedClient(listener.id, url, this.sessions[index] as string));
    });
    await waitFor(
      'every client to subscribe',
      () => (this.clients.every((client) => client.subscribed) ? true : undefined),
      20_000,
    );
  }

  /** Until the workers together own every listener and each listener was polled once. */
  async waitUntilPolled(timeoutMs = 30_000): Promise<void> {
    const { redis } = this.stack.accounts;
    await waitFor(
      'the workers to poll every listener',
      async () => {
        let owned = 0;
        for (const worker of this.stack.workers.filter((candidate) => candidate.alive)) {
          owned += Number((await worker.health()).body.usersOwned ?? 0);
        }
        if (owned < this.listeners.length) return undefined;
        const polled = await redis.exists(...this.userIds.map((userId) => `music:state:${userId}`));
        return polled === this.listeners.length ? true : undefined;
      },
      timeoutMs,
      100,
    );
  }

  clientOf(userId: string): ObservedClient {
    const client = this.clients.find((candidate) => candidate.userId === userId);
    if (!client) throw new Error(`no client for ${userId}`);
    return client;
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close();
    await this.host.close();
    await this.stack.close();
  }
}
