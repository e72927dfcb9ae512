import { SeededRandom } from '../../lib/random/random';
import type { FaultRule } from '../../lib/simulator/faults';
import { FaultPlan } from '../../lib/simulator/faults';
import { faultRuleSchema, parseOrThrow } from '../../lib/simulator/schemas';
import { call, getPlayer, quietListener, testWorld } from './sim-test-kit';

const target = { method: 'GET', path: '/v1/me/player', listenerId: 'a' };

describe('fault rules', () => {
  it('answer a burst of 5xx with Spotify bodies, then recover, without touching playback', () => {
    const { world } = testWorld();
    const { id, accessToken } = quietListener(world);
    world.setFaults([{ kind: 'status', status: 503, count: 2 }]);
    const failed = call(world, accessToken, 'PUT', '/v1/me/player/pause');
    expect(failed).toMatchObject({
      status: 503,
      body: { error: { status: 503, message: 'Service unavailable' } },
    });
    expect(world.trueState(id).isPlaying).toBe(true);
    expect(getPlayer(world, accessToken).status).toBe(503);
    expect(getPlayer(world, accessToken).status).toBe(200);
    expect(world.faults.active).toEqual([]);
    expect(world.countsSnapshot().byStatus).toEqual({ '503': 2, '200': 1 });
  });

  it.each([
    ['hang', 'hang'],
    ['reset', 'reset'],
  ] as const)('mark a %s for the HTTP layer to enact, and count it', (kind, failure) => {
    const { world } = testWorld();
    const { id, accessToken } = quietListener(world);
    world.setFaults([{ kind, count: 1 }]);
    expect(call(world, accessToken, 'PUT', '/v1/me/player/pause').wireFailure).toBe(failure);
    expect(world.trueState(id).isPlaying).toBe(true);
    expect(world.countsSnapshot().byStatus).toEqual({ [failure]: 1 });
  });

  it('garble only GET answers that have a body', () => {
    const { world } = testWorld();
    const { accessToken } = quietListener(world);
    world.setFaults([{ kind: 'malformed', count: 1 }]);
    expect(call(world, accessToken, 'PUT', '/v1/me/player/pause').wireFailure).toBeUndefined();
    const garbled = getPlayer(world, accessToken);
    expect(garbled).toMatchObject({ status: 200, wireFailure: 'malformed' });
    expect(getPlayer(world, accessToken).wireFailure).toBeUndefined();
  });

  it('match by method, path prefix and listener', () => {
    const plan = new FaultPlan(new SeededRandom(1));
    const rules: FaultRule[] = [
      { kind: 'status', status: 500, match: { method: 'put' } },
      { kind: 'status', status: 502, match: { path: '/v1/me/player/queue*' } },
      { kind: 'status', status: 503, match: { listenerId: 'b' } },
    ];
    plan.set(rules);
    expect(plan.decide(target).failure).toBeNull();
    expect(plan.decide({ ...target, method: 'PUT' }).failure).toEqual({ kind: 'status', status: 500 });
    expect(plan.decide({ ...target, path: '/v1/me/player/queue' }).failure).toEqual({
      kind: 'status',
      status: 502,
    });
    expect(plan.decide({ ...target, listenerId: 'b' }).failure).toEqual({ kind: 'status', status: 503 });
    expect(plan.decide({ ...target, path: '/api/token' }).failure).toBeNull();
  });

  it('apply to the share of requests given by probability, the same way for the same seed', () => {
    const outcomes = (seed: number) => {
      const plan = new FaultPlan(new SeededRandom(seed));
      plan.set([{ kind: 'status', status: 500, probability: 0.25 }]);
      return Array.from({ length: 400 }, () => plan.decide(target).failure !== null);
    };
    const hits = outcomes(3).filter(Boolean).length;
    expect(hits).toBeGreaterThan(60);
    expect(hits).toBeLessThan(140);
    expect(outcomes(3)).toEqual(outcomes(3));
  });

  it('add latency from each distribution, alongside a failure', () => {
    const plan = new FaultPlan(new SeededRandom(2));
    plan.set([
      { kind: 'latency', latency: { type: 'fixed', ms: 100 } },
      { kind: 'latency', latency: { type: 'uniform', minMs: 10, maxMs: 20 } },
      { kind: 'status', status: 500, count: 1 },
    ]);
    const first = plan.decide(target);
    expect(first.failure).toEqual({ kind: 'status', status: 500 });
    expect(first.latencyMs).toBeGreaterThanOrEqual(110);
    expect(first.latencyMs).toBeLessThanOrEqual(120);
    plan.set([{ kind: 'latency', latency: { type: 'exponential', meanMs: 50, maxMs: 120 } }]);
    const samples = Array.from({ length: 300 }, () => plan.decide(target).latencyMs);
    expect(Math.max(...samples)).toBeLessThanOrEqual(120);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(60);
  });

  it('reach the accounts service only when a rule names its path', () => {
    const { world } = testWorld();
    const { refreshToken } = quietListener(world);
    const form = { grant_type: 'refresh_token', refresh_token: refreshToken };
    const auth = `Basic ${Buffer.from(`${world.clientId}:${world.clientSecret}`).toString('base64')}`;
    world.setFaults([{ kind: 'status', status: 500 }]);
    expect(world.token(auth, form).status).toBe(200);
    world.setFaults([{ kind: 'status', status: 502, match: { path: '/api/token' }, count: 1 }]);
    expect(world.token(auth, form)).toMatchObject({ status: 502, body: { error: 'server_error' } });
    expect(world.token(auth, form).status).toBe(200);
  });

  it.each([
    [{ kind: 'status', status: 404 }, /Fault rule `status`/],
    [{ kind: 'latency', latency: { type: 'fixed' } }, /Fault rule `latency.ms`/],
    [{ kind: 'hang', probability: 2 }, /Fault rule `probability`/],
    [{ kind: 'melt' }, /Fault rule `kind`/],
  ])('are refused when malformed, naming the field: %j', (rule, message) => {
    expect(() => parseOrThrow(faultRuleSchema, rule, 'Fault rule')).toThrow(message);
  });
});
