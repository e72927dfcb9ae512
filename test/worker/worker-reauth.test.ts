import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import { SeededRandom } from '../../lib/random/random';
import { InProcessPlaybackReader } from '../../lib/simulator';
import { SpotifyInvalidGrantError } from '../../lib/spotify';
import { TokenCipher, TokenManager } from '../../lib/tokens';
import { Publisher } from '../../lib/publish';
import { Worker } from '../../lib/worker/worker';
import { silentLogger, workerWorld, type WorkerWorld } from './worker-kit';

describe('worker: a listener whose grant is gone', () => {
  let env: WorkerWorld;
  let worker: Worker;
  let publisher: Publisher;

  afterEach(async () => {
    const closing = worker.close();
    await env.wait(10_000);
    await closing;
    await publisher.close();
    await env.close();
  });

  it('is told reauth_required and no longer polled, others go on, and polling resumes (and they are told live) after a new sign-in', async () => {
    env = workerWorld();
    const revoked = env.world.addListener({ initial: 'playing', actor: false });
    const healthy = env.world.addListener({ initial: 'playing', actor: false });
    const cipher = new TokenCipher(randomBytes(32).toString('hex'));
    const { clock, stores } = env;
    for (const listener of [revoked, healthy]) {
      await stores.tokens.set(listener.id, {
        accessToken: listener.accessToken,
        // The revoked listener's token needs a refresh at once; the healthy one's lasts.
        accessTokenExpiresAt: listener === revoked ? clock.now() - 1 : clock.now() + 3_600_000,
        refreshTokenCiphertext: cipher.encrypt(listener.refreshToken),
        status: 'ok',
      });
    }
    const details = { service: 'accounts' as const, operation: 'POST /api/token', status: 400, headers: {} };
    const tokens = new TokenManager({
      tokens: stores.tokens,
      refreshLocks: stores.refreshLocks,
      accounts: {
        refresh: () => Promise.reject(new SpotifyInvalidGrantError(details, 'Refresh token revoked')),
      },
      cipher,
      clock,
      ownerId: 'w1',
    });
    publisher = new Publisher({ stores, sink: env.sink, clock, registry: new Registry(), log: silentLogger });
    worker = new Worker(
      {
        stores,
        spotify: new InProcessPlaybackReader(env.world, clock),
        tokens,
        publisher,
        clock,
        random: new SeededRandom('reauth'),
        logger: silentLogger,
        registry: new Registry(),
      },
      { workerId: 'w1', leaseTtlMs: 3000 },
    );
    await env.activate(revoked.id, healthy.id);
    await worker.start();
    await env.wait(60_000);

    const polls = (userId: string) =>
      env.world.countsSnapshot().byListener[userId]?.['GET /v1/me/player'] ?? 0;
    expect(env.eventsOf(revoked.id)).toContainEqual(
      expect.objectContaining({
        event: 'statusChanged',
        data: expect.objectContaining({ status: 'reauth_required', reason: 'invalid_grant', source: 'auto' }),
      }),
    );
    expect(polls(revoked.id)).toBe(0);
    expect(worker.ownedUsers()).toEqual([healthy.id]);
    expect((await stores.tokens.get(revoked.id))?.status).toBe('reauth_required');
    const healthyPolls = polls(healthy.id);
    expect(healthyPolls).toBeGreaterThan(2);

    await stores.tokens.set(revoked.id, {
      accessToken: revoked.accessToken,
      accessTokenExpiresAt: clock.now() + 3_600_000,
      refreshTokenCiphertext: cipher.encrypt(revoked.refreshToken),
      status: 'ok',
    });
    const seenBefore = env.eventsOf(revoked.id).length;
    await env.wait(30_000);
    expect(polls(revoked.id)).toBeGreaterThan(0);
    // Its clients, last told reauth_required, learn it is live again.
    expect(env.eventsOf(revoked.id).slice(seenBefore)).toContainEqual(
      expect.objectContaining({
        event: 'statusChanged',
        data: expect.objectContaining({ status: 'live', source: 'auto' }),
      }),
    );
    expect(worker.ownedUsers()).toEqual([healthy.id, revoked.id].sort());
  });
});
