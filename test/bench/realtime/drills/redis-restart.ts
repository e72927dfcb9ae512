import { sleep, waitFor, wallNow } from '../harness/wall-clock';
import { DrillBed } from './drill-bed';
import { runDrill, type DrillResult } from './drill-result';
import { firstEvent } from './first-event';
import { ObservedClient } from './observed-client';

/**
 * Redis killed (SIGKILL) under load and started again on the same port and append-only file after
 * `outageMs`: the worker and the gateway must ride it out and carry on by themselves.
 */
export function redisRestartDrill(outageMs: number): Promise<DrillResult> {
  return runDrill(
    'Redis killed (SIGKILL) under load and restarted',
    'Redis answering again → the first event delivered to a client',
    'no process dies; events reach the connected clients again, both processes report healthy and a new client subscribes, each within 30 s',
    (checks) =>
      DrillBed.run({ name: 'redis' }, async (bed) => {
        const loadFrom = wallNow();
        await waitFor(
          'events under load',
          () =>
            bed.clients.reduce((sum, client) => sum + client.since(loadFrom).length, 0) >= 3
              ? true
              : undefined,
          30_000,
        );
        await bed.stack.redis.kill('SIGKILL');
        await sleep(outageMs);
        await bed.stack.redis.startServer();
        const upAt = wallNow();

        const first = await firstEvent(bed.clients, upAt, 30_000);
        checks.check(
          'events reach the connected clients again',
          first !== null,
          first
            ? `${(first.at - upAt).toFixed(0)} ms after Redis was back (${first.event.event})`
            : 'none within 30 s',
        );
        const healthyMs = await waitFor(
          'both processes healthy',
          async () => {
            const answers = await Promise.all([bed.web.health(), bed.stack.workers[0]!.health()]).catch(
              () => null,
            );
            return answers?.every((answer) => answer.status === 200) ? wallNow() - upAt : undefined;
          },
          30_000,
          100,
        ).catch(() => null);
        checks.check(
          'both processes report healthy',
          healthyMs !== null,
          healthyMs === null ? 'not within 30 s' : `after ${healthyMs.toFixed(0)} ms`,
        );
        const fresh = new ObservedClient(bed.userIds[0] as string, bed.web.origin, bed.sessions[0] as string);
        try {
          const subscribed = await waitFor(
            'a new client',
            () => (fresh.subscribed ? true : undefined),
            10_000,
          ).catch(() => false);
          checks.check(
            'a new client connects and subscribes (its session came back from the append-only file)',
            subscribed === true,
            subscribed === true ? 'subscribed' : `not within 10 s (${JSON.stringify(fresh.client.state)})`,
          );
        } finally {
          fresh.close();
        }
        const alive = [bed.web, ...bed.stack.workers]
          .filter((process) => !process.alive)
          .map((process) => process.name);
        checks.check(
          'no process died',
          alive.length === 0 && bed.stack.simulator.child.alive,
          alive.length === 0 ? 'all alive' : `dead: ${alive.join(', ')}`,
        );
        return first ? first.at - upAt : null;
      }),
  );
}
