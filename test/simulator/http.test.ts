import type { RunningSimulator } from '../../lib/simulator/http/server';
import { startSimulatorServer } from '../../lib/simulator/http/server';
import type { SimWorld } from '../../lib/simulator/world';
import type { VirtualClock } from '../../lib/time/virtual-clock';
import { quietListener, testWorld } from './sim-test-kit';

let world: SimWorld;
let clock: VirtualClock;
let server: RunningSimulator;
let token: string;
let listenerId: string;

beforeEach(async () => {
  ({ world, clock } = testWorld());
  ({ accessToken: token, id: listenerId } = quietListener(world, { id: 'http-listener' }));
  server = await startSimulatorServer(world, { port: 0 });
});

afterEach(async () => {
  await server.close();
});

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.apiUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  });
}

function control(path: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(`${server.apiUrl}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('the Web API over HTTP', () => {
  it('serves the player as JSON and commands as 204', async () => {
    const player = await api('/v1/me/player?additional_types=track,episode');
    expect(player.status).toBe(200);
    expect(player.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await player.json()).toMatchObject({ is_playing: true, device: { is_active: true } });
    const pause = await api('/v1/me/player/pause', { method: 'PUT' });
    expect(pause.status).toBe(204);
    expect(await pause.text()).toBe('');
    expect(((await api('/v1/me/player').then((r) => r.json())) as { is_playing: boolean }).is_playing).toBe(
      false,
    );
  });

  it('takes a JSON play body and a query', async () => {
    const album = world.catalog.musicContexts.find((c) => c.type === 'album')!;
    const play = await api('/v1/me/player/play', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ context_uri: album.uri }),
    });
    expect(play.status).toBe(204);
    const volume = await api('/v1/me/player/volume?volume_percent=15', { method: 'PUT' });
    expect(volume.status).toBe(204);
    expect(await api('/v1/me/player').then((r) => r.json())).toMatchObject({
      context: { uri: album.uri },
      device: { volume_percent: 15 },
    });
  });

  it('answers 204 with no content when no device is active', async () => {
    world.act(listenerId, { kind: 'stop' });
    const response = await api('/v1/me/player');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('answers 401 with the error body and WWW-Authenticate', async () => {
    const response = await fetch(`${server.apiUrl}/v1/me/player`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await response.json()).toEqual({ error: { status: 401, message: 'Invalid access token' } });
  });

  it('answers 429 with Retry-After', async () => {
    world.setRateLimit({ limit: 1, windowMs: 30_000 });
    expect((await api('/v1/me')).status).toBe(200);
    const limited = await api('/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
  });
});

describe('faults over HTTP', () => {
  it('resets the connection', async () => {
    world.setFaults([{ kind: 'reset', count: 1 }]);
    await expect(api('/v1/me/player')).rejects.toThrow('fetch failed');
    expect((await api('/v1/me/player')).status).toBe(200);
  });

  it('hangs until the client gives up', async () => {
    world.setFaults([{ kind: 'hang', count: 1 }]);
    await expect(api('/v1/me/player', { signal: AbortSignal.timeout(200) })).rejects.toThrow(
      /aborted|timeout/i,
    );
    expect((await api('/v1/me/player')).status).toBe(200);
  });

  it('cuts the JSON body in half', async () => {
    world.setFaults([{ kind: 'malformed', count: 1 }]);
    const response = await api('/v1/me/player');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(text.startsWith('{"device":')).toBe(true);
  });

  it('delays the answer by the latency, on the world clock', async () => {
    world.setFaults([{ kind: 'latency', latency: { type: 'fixed', ms: 5000 }, count: 1 }]);
    let settled = false;
    const pending = api('/v1/me').then((response) => {
      settled = true;
      return response;
    });
    while (clock.pendingCount === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await clock.advance(4999);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect((await pending).status).toBe(200);
  });

  it('answers 503 from the accounts service during an outage', async () => {
    await control('/accounts-outage', 'PUT', { down: true });
    const response = await fetch(`${server.accountsUrl}/api/token`, { method: 'POST' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: 'temporarily_unavailable',
      error_description: 'Service unavailable',
    });
  });

  it('closes with a request still hanging', async () => {
    world.setFaults([{ kind: 'hang' }]);
    const hung = api('/v1/me/player').catch((error: unknown) => error);
    while (world.countsSnapshot().total === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    expect(await hung).toMatchObject({ message: 'fetch failed' });
    server = await startSimulatorServer(world, { port: 0 });
  });
});

describe('the accounts service over HTTP', () => {
  it('redirects from /authorize and exchanges the code at /api/token', async () => {
    const redirect = 'http://127.0.0.1:9/callback';
    const authorize = await fetch(
      `${server.accountsUrl}/authorize?${new URLSearchParams({
        client_id: world.clientId,
        response_type: 'code',
        redirect_uri: redirect,
        state: 's1',
      })}`,
      { redirect: 'manual' },
    );
    expect(authorize.status).toBe(302);
    const location = new URL(authorize.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('s1');
    const token = await fetch(`${server.accountsUrl}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${world.clientId}:${world.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: location.searchParams.get('code')!,
        redirect_uri: redirect,
      }),
    });
    expect(token.status).toBe(200);
    const granted = (await token.json()) as { access_token: string };
    const me = await fetch(`${server.apiUrl}/v1/me`, {
      headers: { authorization: `Bearer ${granted.access_token}` },
    });
    expect(await me.json()).toMatchObject({ id: 'http-listener' });
  });
});

describe('the control API', () => {
  it('creates listeners with tokens, scripts and reads the truth since a cursor', async () => {
    const created = await control('/listeners', 'POST', { id: 'c1', initial: 'paused', actor: false });
    expect(created.status).toBe(201);
    const { listeners } = (await created.json()) as { listeners: { id: string; accessToken: string }[] };
    expect(listeners).toEqual([expect.objectContaining({ id: 'c1', accessToken: expect.any(String) })]);
    const before = (await control('/truth').then((r) => r.json())) as { next: number };
    expect(
      await control('/listeners/c1/act', 'POST', { action: { kind: 'resume' } }).then((r) => r.json()),
    ).toEqual({ applied: true });
    expect(
      (
        await control('/listeners/c1/script', 'POST', {
          actions: [{ inMs: 1000, action: { kind: 'pause' } }],
        })
      ).status,
    ).toBe(204);
    await clock.advance(1000);
    const truth = (await control(`/truth?since=${before.next}&listener=c1`).then((r) => r.json())) as {
      records: { kind: string; cause: string }[];
    };
    expect(truth.records.map((r) => [r.kind, r.cause])).toEqual([
      ['play', 'app'],
      ['pause', 'app'],
    ]);
    const state = (await control('/listeners/c1').then((r) => r.json())) as {
      truth: { player: { is_playing: boolean } };
    };
    expect(state.truth.player.is_playing).toBe(false);
  });

  it('sets actors, faults, consistency and the rate limit, and reads and resets counts', async () => {
    const actor = await control(`/listeners/${listenerId}/actor`, 'PUT', { rates: { skip: 30 } });
    expect(((await actor.json()) as { actorRates: { skip: number } }).actorRates.skip).toBe(30);
    expect(
      (await control('/faults', 'PUT', { rules: [{ kind: 'status', status: 500, count: 1 }] })).status,
    ).toBe(200);
    expect((await api('/v1/me')).status).toBe(500);
    expect(await control('/consistency', 'PUT', { maxMs: 0 }).then((r) => r.json())).toEqual({
      minMs: 0,
      maxMs: 0,
    });
    expect(await control('/rate-limit', 'PUT', { limit: 7 }).then((r) => r.json())).toMatchObject({
      limit: 7,
    });
    const counts = (await control('/counts').then((r) => r.json())) as { byStatus: Record<string, number> };
    expect(counts.byStatus).toEqual({ '500': 1 });
    expect((await control('/counts', 'DELETE')).status).toBe(204);
    expect(await control('/counts').then((r) => r.json())).toMatchObject({ total: 0 });
  });

  it('names the bad field, and 404s unknown listeners', async () => {
    const bad = await control('/faults', 'PUT', { rules: [{ kind: 'status', status: 200 }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/`rules.0.status`/);
    expect((await control('/listeners/nobody')).status).toBe(404);
    const notJson = await fetch(`${server.apiUrl}/_sim/listeners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('lists the catalog', async () => {
    const catalog = (await control('/catalog').then((r) => r.json())) as {
      tracks: unknown[];
      contexts: unknown[];
    };
    expect(catalog.tracks).toHaveLength(world.catalog.tracks.length);
    expect(catalog.contexts.length).toBeGreaterThan(0);
  });
});
