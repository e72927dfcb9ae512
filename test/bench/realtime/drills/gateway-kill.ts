import { benchEvent } from '../bench-events';
import { arrivalsBySocket, checkDeliveries, deliveriesExact } from '../delivery-check';
import { HostApp } from '../harness/host-app';
import { Stack } from '../harness/stack';
import { readStreams } from '../harness/streams';
import { TcpBalancer } from '../harness/tcp-balancer';
import { sleep, waitFor, wallNow } from '../harness/wall-clock';
import { LoadGenerator } from '../load-generator/load-generator';
import { ms, p50p99, summarize } from '../summary';
import { runDrill, type DrillResult } from './drill-result';

export interface GatewayKillOptions {
  users?: number;
  socketsPerUser?: number;
  /** Events published per second across all users, before, during and after the kill. Default 100. */
  eventsPerSecond?: number;
}

/**
 * A gateway killed (SIGKILL) while clients are connected to it: two web processes behind a TCP balancer, the
 * clients (MusicClients in a load-generator child) all on the first; events published steadily through the
 * worker's Publisher. Killed, the clients reconnect through the balancer to the other gateway with their
 * lastEventId and get what they missed replayed: every event of their user's stream delivered exactly once,
 * in order.
 */
export function gatewayKillDrill(options: GatewayKillOptions = {}): Promise<DrillResult> {
  const users = options.users ?? 100;
  const perUser = options.socketsPerUser ?? 2;
  const rate = options.eventsPerSecond ?? 100;
  return runDrill(
    'a gateway killed (SIGKILL) with clients connected',
    'the kill → the last client resubscribed on the other gateway',
    'every client back on the other gateway; every event of its user delivered exactly once and in order (MusicClient)',
    async (checks) => {
      const stack = await Stack.start({ name: 'drill-gateway', appendOnly: true });
      const host = new HostApp({ redisUrl: stack.redis.url, eventsPerMinute: 1_000_000 });
      const generator = LoadGenerator.start('gateway-kill-clients', stack.logDir);
      let balancer: TcpBalancer | null = null;
      try {
        const victim = await stack.startWeb('gateway-kill-web-1');
        const survivor = await stack.startWeb('gateway-kill-web-2');
        balancer = await TcpBalancer.start([victim.spec.port]);
        const userIds = Array.from({ length: users }, (_, index) => `gw-${index}`);
        const sessions = await stack.accounts.createSessions(userIds);
        const socketUsers = userIds.flatMap((userId) => Array.from({ length: perUser }, () => userId));
        const opened = await generator.open({
          url: balancer.origin,
          sockets: socketUsers.map((userId) => ({
            userId,
            sessionId: sessions[userIds.indexOf(userId)] as string,
          })),
          concurrency: 50,
          client: 'music',
          subscribe: true,
          reconnect: true,
          record: true,
        });
        const failures = Object.entries(opened.failures);
        if (failures.length > 0) throw new Error(`clients failed to connect: ${JSON.stringify(failures)}`);
        balancer.setBackends([victim.spec.port, survivor.spec.port]);

        let publishing = true;
        let sequence = 0;
        const publisher = (async () => {
          const started = wallNow();
          while (publishing) {
            const userId = userIds[sequence % users] as string;
            await host.publisher.publish(userId, [benchEvent(sequence++)]);
            await sleep(started + (sequence * 1000) / rate - wallNow());
          }
        })();
        await sleep(3000);
        await victim.kill('SIGKILL');
        const killedAt = wallNow();
        const back = await waitFor(
          'every client to resubscribe',
          async () => {
            const sockets = await generator.state();
            return sockets.every((socket) => socket.subscribedAt.some((at) => at > killedAt))
              ? sockets
              : undefined;
          },
          30_000,
          50,
        ).catch(() => null);
        await sleep(5000);
        publishing = false;
        await publisher;
        await sleep(3000);

        const sockets = await generator.state();
        const resubscribed = sockets.map(
          (socket) => (socket.subscribedAt.find((at) => at > killedAt) ?? Number.NaN) - killedAt,
        );
        const reconnect = summarize(resubscribed);
        const missingClients = resubscribed.filter((value) => Number.isNaN(value)).length;
        checks.check(
          'every client resubscribed on the other gateway',
          back !== null && missingClients === 0,
          `${sockets.length - missingClients} of ${sockets.length}; kill → resubscribed p50 / p99 ${p50p99(reconnect)}, max ${ms(reconnect.max)}`,
        );
        const streams = await readStreams(host.stores, userIds);
        const report = checkDeliveries(
          socketUsers,
          arrivalsBySocket(await generator.arrivals(), socketUsers.length),
          streams,
        );
        checks.check(
          'every event delivered exactly once and in order',
          deliveriesExact(report),
          `${report.delivered} of ${report.expectedDeliveries} deliveries (${report.streamEvents} events); missing ${report.missing}, duplicated ${report.duplicates}, other user's ${report.foreign}, out of order ${report.outOfOrder}`,
        );
        const raw = sockets.reduce((sum, socket) => sum + socket.rawEvents, 0);
        const delivered = sockets.reduce((sum, socket) => sum + socket.delivered, 0);
        checks.check(
          'packets received twice (replay overlapping live events; the client drops them)',
          true,
          `${raw - delivered} of ${raw}`,
        );
        const health = (await survivor.health()).body;
        checks.check(
          'the other gateway holds every connection, Redis up',
          health.connections === socketUsers.length && health.redis === 'up',
          `/health/music: ${health.connections} connections, Redis ${String(health.redis)} (no worker runs in this drill)`,
        );
        return back === null ? null : reconnect.max;
      } finally {
        await generator.close();
        await balancer?.close();
        await host.close();
        await stack.close();
      }
    },
  );
}
