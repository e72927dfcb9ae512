import type { DaemonProcess } from '../harness/daemon-process';
import { sleep, waitFor, wallNow } from '../harness/wall-clock';
import { ms, summarize } from '../summary';
import { DrillBed } from './drill-bed';
import { runDrill, type DrillChecks, type DrillResult } from './drill-result';

const LEASE_TTL_MS = 3000;

/**
 * Two workers share the listeners; one is killed with SIGKILL (no lease released, no goodbye), `rounds` times
 * (a fresh worker joins between rounds and gets its share back). The survivor must take the dead one's
 * listeners over within the lease TTL and pick up from their stored state.
 */
export function workerKillDrill(rounds: number): Promise<DrillResult> {
  return runDrill(
    `worker killed with SIGKILL (${rounds} times)`,
    'the kill → the surviving worker polls every listener (the slowest round)',
    `takeover within the lease TTL (LEASE_TTL_MS=${LEASE_TTL_MS}) every time; a change of a taken-over listener then reaches its client exactly once`,
    (checks) =>
      DrillBed.run({ name: 'worker-kill', workers: 2, leaseTtlMs: LEASE_TTL_MS }, async (bed) => {
        const [first, survivor] = bed.stack.workers as [DaemonProcess, DaemonProcess];
        let victim = first;
        const takeovers: number[] = [];
        for (let round = 1; round <= rounds; round++) {
          const victimUsers = await splitAndFind(bed, victim, survivor);
          const watched = victimUsers[0] as string;
          if (round === 1) await bed.stack.simulator.setActor(watched, false);
          await sleep(500);
          await victim.kill('SIGKILL');
          const killedAt = wallNow();
          const takeoverMs = await waitFor(
            'the survivor to own every listener',
            async () => {
              const answer = await survivor.health();
              return Number(answer.body.usersOwned) === bed.listeners.length
                ? wallNow() - killedAt
                : undefined;
            },
            LEASE_TTL_MS * 5,
            25,
          ).catch(() => Number.POSITIVE_INFINITY);
          takeovers.push(takeoverMs);
          if (round === 1) await skipReachesOnce(bed, checks, watched);
          if (round < rounds) victim = await bed.stack.startWorker(`worker-kill-worker-${round + 2}`);
        }
        const summary = summarize(takeovers);
        const slowest = Math.max(...takeovers);
        checks.check(
          'the survivor took the dead worker’s listeners over within the lease TTL, every round',
          slowest <= LEASE_TTL_MS,
          `takeover p50 ${ms(summary.p50)}, max ${ms(slowest)} (${takeovers.map((value) => value.toFixed(0)).join(', ')} ms)`,
        );
        checks.check('the survivor is healthy', (await survivor.health()).status === 200, 'GET /health');
        return Number.isFinite(slowest) ? slowest : null;
      }),
  );
}

/** Waits until both workers poll some listeners and together all; the victim's listeners. */
async function splitAndFind(
  bed: DrillBed,
  victim: DaemonProcess,
  survivor: DaemonProcess,
): Promise<string[]> {
  await waitFor(
    'both workers to own listeners',
    async () => {
      const [a, b] = await Promise.all([victim.health(), survivor.health()]);
      const owned = [Number(a.body.usersOwned ?? 0), Number(b.body.usersOwned ?? 0)];
      return owned[0]! > 0 && owned[1]! > 0 && owned[0]! + owned[1]! === bed.listeners.length
        ? true
        : undefined;
    },
    20_000,
  );
  const owners = await Promise.all(
    bed.userIds.map((userId) => bed.stack.accounts.redis.hget(`music:lease:${userId}`, 'owner')),
  );
  return bed.userIds.filter((_, index) => owners[index] === victim.name);
}

async function skipReachesOnce(bed: DrillBed, checks: DrillChecks, userId: string): Promise<void> {
  const client = bed.clientOf(userId);
  const skipAt = wallNow();
  await bed.stack.simulator.act(userId, { kind: 'skip' });
  await bed.host.nudge(userId);
  const arrived = await client.waitFor((event) => event.event === 'trackChanged', skipAt, 10_000);
  await sleep(2000);
  const trackChanges = client.since(skipAt, (event) => event.event === 'trackChanged').length;
  checks.check(
    'a skip on a taken-over listener reaches its client exactly once',
    arrived !== null && trackChanges === 1,
    arrived === null
      ? 'no trackChanged within 10 s'
      : `${trackChanges} trackChanged, the first ${(arrived.at - skipAt).toFixed(0)} ms after the skip`,
  );
}
