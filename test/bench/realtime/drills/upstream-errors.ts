import { sleep, wallNow } from '../harness/wall-clock';
import { DrillBed } from './drill-bed';
import { runDrill, type DrillResult } from './drill-result';
import { eachFirst } from './first-event';
import { isStatus } from './observed-client';

/**
 * A burst of 5xx: every player and queue request answers 503 for `burstMs`. The worker must back off per user
 * (no retry storm), tell the clients of users failing repeatedly `degraded`, and resume by itself afterwards.
 */
export function upstreamErrorsDrill(burstMs: number): Promise<DrillResult> {
  return runDrill(
    `a ${burstMs / 1000} s burst of 503s`,
    'the burst ends → every degraded client told `live` again',
    'requests per second during the burst no higher than before it; degraded users told so, then live again within 30 s; no 429',
    (checks) =>
      DrillBed.run({ name: 'upstream' }, async (bed) => {
        const { simulator } = bed.stack;
        const baseline = await simulator.counts();
        const baselineFrom = wallNow();
        await sleep(burstMs);
        const atBurst = await simulator.counts();
        const baselineRate = (atBurst.total - baseline.total) / ((wallNow() - baselineFrom) / 1000);

        const burstAt = wallNow();
        await simulator.setFaults([{ kind: 'status', status: 503, match: { path: '/v1/me/player*' } }]);
        await sleep(burstMs);
        await simulator.clearFaults();
        const clearedAt = wallNow();
        const afterBurst = await simulator.counts();
        const burstRate = (afterBurst.total - atBurst.total) / ((clearedAt - burstAt) / 1000);
        checks.check(
          'no retry storm: request rate during the burst ≤ before it',
          burstRate <= baselineRate * 1.1,
          `${burstRate.toFixed(1)}/s during (${afterBurst.byStatus['503'] ?? 0} 503s), ${baselineRate.toFixed(1)}/s before`,
        );
        const degraded = bed.clients.filter(
          (client) => client.since(burstAt, isStatus('degraded')).length > 0,
        );
        checks.check(
          'users failing repeatedly are told degraded',
          degraded.length > 0,
          `${degraded.length} of ${bed.clients.length} clients told degraded`,
        );
        const live = await eachFirst(degraded, clearedAt, 30_000, isStatus('live'));
        const stillDegraded = live.filter((observed) => observed === null).length;
        const recoveryMs = Math.max(
          0,
          ...live.map((observed) => (observed ? observed.at - clearedAt : Infinity)),
        );
        checks.check(
          'every degraded client is told live again',
          stillDegraded === 0,
          stillDegraded === 0
            ? `the last after ${recoveryMs.toFixed(0)} ms`
            : `${stillDegraded} not within 30 s`,
        );
        const final = await simulator.counts();
        checks.check('no 429', final.rateLimited.length === 0, `${final.rateLimited.length} 429s`);
        checks.check(
          'the worker is alive and healthy',
          bed.stack.workers[0]!.alive && (await bed.stack.workers[0]!.health()).status === 200,
          'GET /health',
        );
        return stillDegraded === 0 && degraded.length > 0 ? recoveryMs : null;
      }),
  );
}
