import { Counter, Registry } from 'prom-client';
import { createMemoryStores, type Stores } from '../../lib/store';
import { systemClock } from '../../lib/time/system-clock';
import {
  healthRouter,
  metricsRouter,
  musicHealth,
  type GatewayHealthSnapshot,
  type MusicHealth,
  type MusicHealthInputs,
} from '../../lib/web';
import { call, silentLog, startApp, type RunningApp } from './web-kit';

const GATEWAY: GatewayHealthSnapshot = { enabled: true, connections: 3, subscriptions: 2 };
const FINE: MusicHealthInputs = {
  gateway: GATEWAY,
  redis: 'up',
  cooldown: null,
  liveWorkers: 2,
  minLiveWorkers: 1,
  uptimeSeconds: 5,
};

describe('musicHealth', () => {
  it.each<[string, Partial<MusicHealthInputs>, MusicHealth['status'], string[]]>([
    ['all well', {}, 'healthy', []],
    ['/music disabled', { gateway: { enabled: false, connections: 0, subscriptions: 0 } }, 'disabled', []],
    [
      'Redis down',
      { redis: 'down', cooldown: undefined, liveWorkers: null },
      'degraded',
      ['redis_unreachable'],
    ],
    ['stores unreadable with Redis up', { liveWorkers: null }, 'degraded', ['stores_unreadable']],
    [
      'a cooldown',
      { cooldown: { until: 1_900_000_000_000, reason: 'QUOTA_EXCEEDED' } },
      'degraded',
      ['spotify_cooldown'],
    ],
    ['no live worker', { liveWorkers: 0 }, 'degraded', ['no_live_workers']],
    ['fewer workers than wanted', { liveWorkers: 1, minLiveWorkers: 2 }, 'degraded', ['no_live_workers']],
    ['no worker needed', { liveWorkers: 0, minLiveWorkers: 0 }, 'healthy', []],
    ['the gateway silent', { gateway: null }, 'degraded', ['gateway_unavailable']],
    [
      'disabled and Redis down: degraded wins',
      { gateway: { enabled: false, connections: 0, subscriptions: 0 }, redis: 'down' },
      'degraded',
      ['redis_unreachable'],
    ],
  ])('%s', (_name, change, status, reasons) => {
    const health = musicHealth({ ...FINE, ...change });
    expect(health.status).toBe(status);
    expect(health.reasons.map((reason) => reason.code)).toEqual(reasons);
  });

  it('carries the seed fields', () => {
    expect(musicHealth(FINE)).toMatchObject({ connections: 3, subscriptions: 2, uptime: 5, liveWorkers: 2 });
  });

  it('names the cooldown reason and its end', () => {
    const until = Date.UTC(2030, 0, 1);
    const health = musicHealth({ ...FINE, cooldown: { until, reason: 'QUOTA_EXCEEDED' } });
    expect(health.reasons[0]!.message).toContain('QUOTA_EXCEEDED');
    expect(health.reasons[0]!.message).toContain('2030-01-01T00:00:00.000Z');
    expect(health.cooldown).toEqual({ until, reason: 'QUOTA_EXCEEDED' });
  });
});

describe('GET /health/music and /metrics', () => {
  let stores: Stores;
  let app: RunningApp | null;
  let gateway: () => GatewayHealthSnapshot | Promise<GatewayHealthSnapshot>;
  let ping: (() => Promise<boolean>) | undefined;

  beforeEach(async () => {
    stores = createMemoryStores();
    app = null;
    gateway = () => GATEWAY;
    ping = async () => true;
    await stores.workers.heartbeat('w1', systemClock.now(), 60_000);
  });

  afterEach(async () => {
    await app?.close();
    await stores.close();
  });

  async function health() {
    app ??= await startApp(
      healthRouter(
        {
          gateway: () => gateway(),
          ping: ping && (() => ping!()),
          stores,
          clock: systemClock,
          log: silentLog,
        },
        { pingTimeoutMs: 200 },
      ),
    );
    return call(`${app.url}/health/music`);
  }

  it('healthy: 200 with the gateway numbers, Redis up and the live workers', async () => {
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'healthy',
      reasons: [],
      enabled: true,
      connections: 3,
      subscriptions: 2,
      redis: 'up',
      cooldown: null,
      liveWorkers: 1,
      uptime: expect.any(Number),
    });
  });

  it('disabled: 200', async () => {
    gateway = () => ({ enabled: false, connections: 0, subscriptions: 0 });
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'disabled', enabled: false });
  });

  it('memory stores: Redis not used', async () => {
    ping = undefined;
    expect((await health()).body).toMatchObject({ status: 'healthy', redis: 'not_used' });
  });

  it.each<[string, () => void, string]>([
    ['Redis answers no', () => (ping = async () => false), 'redis_unreachable'],
    ['the ping rejects', () => (ping = () => Promise.reject(new Error('ECONNREFUSED'))), 'redis_unreachable'],
    ['the ping hangs', () => (ping = () => new Promise(() => undefined)), 'redis_unreachable'],
    [
      'the gateway throws',
      () =>
        (gateway = () => {
          throw new Error('not started');
        }),
      'gateway_unavailable',
    ],
    ['the gateway rejects', () => (gateway = () => Promise.reject(new Error('x'))), 'gateway_unavailable'],
  ])('%s: 503 degraded', async (_name, breakIt, reason) => {
    breakIt();
    const answer = await health();
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ status: 'degraded' });
    expect((answer.body as MusicHealth).reasons.map((r) => r.code)).toContain(reason);
  });

  it('a cooldown in force: 503 degraded', async () => {
    const now = systemClock.now();
    await stores.cooldown.enter(now + 60_000, 'rate_limited', now);
    const answer = await health();
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ cooldown: { until: now + 60_000, reason: 'rate_limited' } });
  });

  it('no live worker: 503 degraded', async () => {
    await stores.workers.removeWorker('w1');
    const answer = await health();
    expect(answer.status).toBe(503);
    expect((answer.body as MusicHealth).reasons.map((r) => r.code)).toEqual(['no_live_workers']);
  });

  it('/metrics serves the registry as Prometheus text', async () => {
    const registry = new Registry();
    new Counter({ name: 'test_presses_total', help: 'presses', registers: [registry] }).inc(3);
    app = await startApp(metricsRouter({ registry, log: silentLog }));
    const answer = await call(`${app.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(registry.contentType);
    expect(answer.body).toContain('test_presses_total 3');
  });
});
