import { errorFields } from '../log/error-fields';
import type { GatewayContext } from './gateway-context';

/**
 * The gateway's heartbeat: every `heartbeatIntervalMs` it renews the gateway in the registry (restoring its
 * sockets if others swept it meanwhile), sweeps the sockets of dead gateways and keeps the users with a
 * subscribed socket here active. A beat that cannot reach Redis is logged once per outage, not thrown.
 */
export class GatewayHeartbeat {
  /** The last beat that reached the stores, ms since the epoch; null before the first. */
  lastBeatAt: number | null = null;
  /** Whether the last beat reached the stores. */
  reachable = true;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(private readonly context: GatewayContext) {}

  /** Beats once, then keeps beating until `stop`. */
  async start(): Promise<void> {
    const first = this.beat();
    this.loop = first.then(() => this.run());
    await first;
  }

  /** Cuts the sleep short and waits for a beat in progress. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { clock } = this.context.deps;
    for (;;) {
      try {
        await clock.sleep(this.context.options.heartbeatIntervalMs, this.stopping.signal);
      } catch {
        return;
      }
      await this.beat();
    }
  }

  private async beat(): Promise<void> {
    const { deps, options, local, store } = this.context;
    const { clock, sockets, stores, logger } = deps;
    const { gatewayId } = options;
    const now = clock.now();
    const until = now + options.heartbeatTtlMs;
    try {
      const lapsed = await store('socket registry', sockets.heartbeat(gatewayId, now, until));
      if (lapsed && local.connections > 0) {
        const missing = await store('socket registry', sockets.restore(local.all()));
        if (missing > 0) logger.warn('restored lost socket registry entries', { gatewayId, missing });
      }
      const swept = await store('socket registry', sockets.sweep(now));
      if (swept.length > 0) logger.info('swept the sockets of dead gateways', { gatewayId, swept });
      const users = local.subscribedUsers();
      await store(
        'active users',
        Promise.all(users.map((userId) => stores.activeUsers.touch(userId, until))),
      );
      this.lastBeatAt = now;
      if (!this.reachable) logger.info('shared stores reachable again', { gatewayId });
      this.reachable = true;
    } catch (error) {
      if (this.reachable) {
        logger.warn('gateway heartbeat failed: shared stores unreachable', {
          gatewayId,
          ...errorFields(error),
        });
      }
      this.reachable = false;
    }
  }
}
