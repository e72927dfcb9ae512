import { sleep, waitFor, wallNow } from '../harness/wall-clock';
import { DrillBed } from './drill-bed';
import { runDrill, type DrillResult } from './drill-result';
import { eachFirst } from './first-event';
import { isStatus } from './observed-client';

const HOUR_MS = 3_600_000;

/**
 * A 429 storm with an hour-long Retry-After: the simulator's window is set to one request per hour, so the
 * next request passes and the one after is refused with `Retry-After: 3600`. No request may go out for the
 * rest of the cooldown, and every client must hear `rate_limited` with its end. Then the cooldown is lifted
 * (the window reset, the shared cooldown key deleted: standing in for the hour passing) and polling resumes.
 */
export function rateLimitStormDrill(quietMs: number): Promise<DrillResult> {
  return runDrill(
    '429 storm with an hour-long Retry-After',
    'cooldown lifted → every client told `live` again',
    `after the first 429 no request for ${quietMs / 1000} s; every client gets statusChanged rate_limited (until ≈ +1 h); polling resumes once lifted`,
    (checks) =>
      DrillBed.run({ name: 'storm' }, async (bed) => {
        const { simulator } = bed.stack;
        const stormAt = wallNow();
        await simulator.resetRateLimit();
        await simulator.setRateLimit({ limit: 1, windowMs: HOUR_MS });
        const first429 = await waitFor(
          'the first 429',
          async () => (await simulator.counts()).rateLimited[0],
          30_000,
          20,
        );
        const told = await eachFirst(bed.clients, stormAt, 15_000, isStatus('rate_limited'));
        const missing = told.filter((observed) => observed === null).length;
        const tellMs = Math.max(...told.map((observed) => (observed ? observed.at - first429.at : Infinity)));
        checks.check(
          'every client is told rate_limited',
          missing === 0,
          missing === 0
            ? `the last ${tellMs.toFixed(0)} ms after the first 429`
            : `${missing} of ${told.length} not within 15 s`,
        );
        const untils = told.flatMap((observed) =>
          observed?.event.event === 'statusChanged' && observed.event.data.until !== undefined
            ? [observed.event.data.until - first429.at]
            : [],
        );
        checks.check(
          '`until` is the Retry-After (about an hour away)',
          untils.length === told.length &&
            untils.every((ms) => ms > HOUR_MS - 120_000 && ms < HOUR_MS + 120_000),
          `until − first 429: ${untils.length ? `${(Math.min(...untils) / 1000).toFixed(0)}–${(Math.max(...untils) / 1000).toFixed(0)} s` : 'none'}`,
        );

        await sleep(Math.max(0, first429.at + 1000 - wallNow()));
        const before = await simulator.counts();
        await sleep(quietMs);
        const after = await simulator.counts();
        checks.check(
          `no request during the cooldown (${quietMs / 1000} s, from 1 s after the first 429)`,
          after.total === before.total,
          `${after.total - before.total} requests; ${after.rateLimited.length} 429s in all`,
        );
        const health = await bed.stack.workers[0]!.health();
        const cooldown = health.body.cooldown as { until?: number } | null;
        checks.check(
          'the worker reports the cooldown in /health',
          cooldown !== null && typeof cooldown.until === 'number',
          `${health.status} ${JSON.stringify(health.body.cooldown)}`,
        );

        await simulator.resetRateLimit();
        await simulator.setRateLimit({ limit: 100_000, windowMs: 30_000 });
        await bed.stack.accounts.redis.del('music:cooldown');
        const liftedAt = wallNow();
        const live = await eachFirst(bed.clients, liftedAt, 30_000, isStatus('live'));
        const stillOut = live.filter((observed) => observed === null).length;
        const recoveryMs = Math.max(
          ...live.map((observed) => (observed ? observed.at - liftedAt : Infinity)),
        );
        checks.check(
          'once lifted, polling resumes and every client is told live',
          stillOut === 0,
          stillOut === 0
            ? `the last after ${recoveryMs.toFixed(0)} ms`
            : `${stillOut} of ${live.length} not within 30 s`,
        );
        return stillOut === 0 ? recoveryMs : null;
      }),
  );
}
