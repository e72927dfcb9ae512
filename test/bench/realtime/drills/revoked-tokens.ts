import { sleep, waitFor, wallNow } from '../harness/wall-clock';
import { DrillBed } from './drill-bed';
import { runDrill, type DrillResult } from './drill-result';
import { eachFirst } from './first-event';
import { isStatus } from './observed-client';

const VICTIMS = 3;

/**
 * Revoked refresh tokens: three listeners' grants are revoked at the simulator (their access tokens answer
 * 401, the refresh `invalid_grant`). Their clients must hear `reauth_required`, polling of them must stop (and
 * their tokens stay stored), nobody else may be affected; a new sign-in brings them back.
 */
export function revokedTokensDrill(): Promise<DrillResult> {
  return runDrill(
    'revoked refresh tokens',
    'new sign-in → polling the listener again (and its clients told `live`)',
    `the ${VICTIMS} revoked listeners' clients told reauth_required, no other client; no request for them afterwards; back after a new sign-in`,
    (checks) =>
      DrillBed.run({ name: 'revoked' }, async (bed) => {
        const { simulator, accounts } = bed.stack;
        const victims = bed.userIds.slice(0, VICTIMS);
        const victimClients = victims.map((userId) => bed.clientOf(userId));
        const revokedAt = wallNow();
        for (const userId of victims) {
          await simulator.revokeTokens(userId);
          await bed.host.nudge(userId);
        }
        const told = await eachFirst(victimClients, revokedAt, 15_000, isStatus('reauth_required'));
        const untold = told.filter((observed) => observed === null).length;
        const tellMs = Math.max(...told.map((observed) => (observed ? observed.at - revokedAt : Infinity)));
        checks.check(
          'the revoked listeners’ clients are told reauth_required',
          untold === 0,
          untold === 0
            ? `the last ${tellMs.toFixed(0)} ms after the revocation (nudged)`
            : `${untold} not within 15 s`,
        );
        await sleep(1000);
        const before = await simulator.counts();
        await sleep(5000);
        const after = await simulator.counts();
        const requestsFor = (counts: typeof before) =>
          victims.reduce(
            (sum, userId) => sum + Object.values(counts.byListener[userId] ?? {}).reduce((a, b) => a + b, 0),
            0,
          );
        checks.check(
          'no request for them afterwards (5 s)',
          requestsFor(after) === requestsFor(before),
          `${requestsFor(after) - requestsFor(before)} requests`,
        );
        const statuses = await Promise.all(
          victims.map((userId) => accounts.redis.hget(`music:tokens:${userId}`, 'status')),
        );
        checks.check(
          'their tokens are kept, marked reauth_required',
          statuses.every((status) => status === 'reauth_required'),
          JSON.stringify(statuses),
        );
        const others = bed.clients.filter((client) => !victims.includes(client.userId));
        const bystanders = others.filter(
          (client) => client.since(revokedAt, isStatus('reauth_required')).length > 0,
        );
        checks.check(
          'no other client told reauth_required',
          bystanders.length === 0,
          `${bystanders.length} others told`,
        );

        const signedInAt = wallNow();
        await accounts.signIn(await Promise.all(victims.map((userId) => simulator.issueTokens(userId))));
        const polledAgainMs = await waitFor(
          'requests for the signed-in listeners again',
          async () => {
            const counts = await simulator.counts();
            return victims.every(
              (userId) =>
                Object.values(counts.byListener[userId] ?? {}).reduce((a, b) => a + b, 0) >
                Object.values(after.byListener[userId] ?? {}).reduce((a, b) => a + b, 0),
            )
              ? wallNow() - signedInAt
              : undefined;
          },
          30_000,
          50,
        ).catch(() => null);
        checks.check(
          'a new sign-in brings them back (polled again)',
          polledAgainMs !== null,
          polledAgainMs === null ? 'not within 30 s' : `after ${polledAgainMs.toFixed(0)} ms`,
        );
        const live = await eachFirst(victimClients, signedInAt, 10_000, isStatus('live'));
        const silent = live.filter((observed) => observed === null).length;
        checks.check(
          'their clients are told live again',
          silent === 0,
          silent === 0
            ? 'all'
            : `${silent} of ${VICTIMS} clients never told (they still show reauth_required)`,
        );
        return polledAgainMs;
      }),
  );
}
