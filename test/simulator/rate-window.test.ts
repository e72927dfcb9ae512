import fc from 'fast-check';
import type { RateLimitOptions } from '../../lib/simulator/rate-window';
import { DEFAULT_RATE_LIMIT_OPTIONS, RateWindow } from '../../lib/simulator/rate-window';
import { bodyOf, call, quietListener, testWorld } from './sim-test-kit';

const options = (overrides: Partial<RateLimitOptions> = {}): RateLimitOptions => ({
  ...DEFAULT_RATE_LIMIT_OPTIONS,
  limit: 3,
  windowMs: 30_000,
  ...overrides,
});

describe('the rolling window', () => {
  it('refuses past the limit with Retry-After until the oldest request leaves the window', () => {
    const window = new RateWindow(options());
    expect([0, 1000, 2000].map((t) => window.check(t).allowed)).toEqual([true, true, true]);
    expect(window.check(10_000)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(window.check(30_000).allowed).toBe(true);
  });

  it('grows the penalty while a client keeps calling, and forgives one that waits it out', () => {
    const window = new RateWindow(options({ penaltyBaseMs: 1000, penaltyFactor: 2 }));
    for (const t of [0, 1, 2]) window.check(t);
    const first = window.check(29_000);
    expect(first).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Each call while blocked extends the block to at least now + 1 s × 2^violations.
    const retries = [29_100, 29_200, 29_300, 29_400, 29_500].map((t) => window.check(t));
    expect(retries.map((r) => !r.allowed && r.retryAfterSeconds)).toEqual([2, 4, 8, 16, 32]);
    expect(window.state(29_500)).toMatchObject({ violations: 5, blockedUntil: 29_500 + 32_000 });
    expect(window.check(29_500 + 32_000).allowed).toBe(true);
    expect(window.state(29_500 + 32_000).violations).toBe(0);
  });

  it('caps the penalty at maxRetryAfterMs', () => {
    const window = new RateWindow(options({ limit: 1, windowMs: 1000, maxRetryAfterMs: 10_000 }));
    window.check(0);
    let last = window.check(1);
    for (let t = 2; t < 40; t++) last = window.check(t);
    expect(last).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('never lets more than the limit through in any window, for any arrival pattern', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 200 }),
        (limit, windowMs, gaps) => {
          const window = new RateWindow(options({ limit, windowMs }));
          const accepted: number[] = [];
          let t = 0;
          for (const gap of gaps) {
            t += gap;
            if (window.check(t).allowed) accepted.push(t);
          }
          for (const start of accepted) {
            expect(accepted.filter((a) => a >= start && a < start + windowMs).length).toBeLessThanOrEqual(
              limit,
            );
          }
        },
      ),
    );
  });
});

describe('429 responses', () => {
  it.each([
    ['error', { error: { status: 429, message: 'API rate limit exceeded' } }],
    ['quota', { error: { status: 429, message: 'API rate limit exceeded', reason: 'QUOTA_EXCEEDED' } }],
    ['none', undefined],
  ] as const)('carry Retry-After and the %s body, app-wide across tokens', (style, body) => {
    const { world } = testWorld({ rateLimit: { limit: 2, windowMs: 30_000, body: style } });
    const a = quietListener(world, { id: 'a' });
    const b = quietListener(world, { id: 'b' });
    expect(call(world, a.accessToken, 'GET', '/v1/me/player').status).toBe(200);
    expect(call(world, b.accessToken, 'GET', '/v1/me/player').status).toBe(200);
    const limited = call(world, a.accessToken, 'GET', '/v1/me/player');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.body).toEqual(body);
    const counts = world.countsSnapshot();
    expect(counts.byStatus['429']).toBe(1);
    expect(counts.rateLimited).toEqual([{ at: expect.any(Number), retryAfterSeconds: 30, listenerId: 'a' }]);
  });

  it('do not change playback', () => {
    const { world } = testWorld({ rateLimit: { limit: 1 } });
    const { id, accessToken } = quietListener(world);
    call(world, accessToken, 'GET', '/v1/me/player');
    expect(call(world, accessToken, 'PUT', '/v1/me/player/pause').status).toBe(429);
    expect(world.trueState(id).isPlaying).toBe(true);
  });

  it('can be reconfigured while running', () => {
    const { world } = testWorld({ rateLimit: { limit: 1 } });
    const { accessToken } = quietListener(world);
    call(world, accessToken, 'GET', '/v1/me/player');
    world.setRateLimit({ limit: 5 });
    expect(call(world, accessToken, 'GET', '/v1/me/player').status).toBe(200);
    expect(() => world.setRateLimit({ limit: 0 })).toThrow(/Rate limit option `limit`/);
    expect(bodyOf(call(world, accessToken, 'GET', '/v1/me'))).toMatchObject({ type: 'user' });
  });
});
