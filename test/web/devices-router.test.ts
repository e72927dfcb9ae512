import { controlKit, type ControlKit } from './control-kit';
import { failures } from './fake-spotify';
import { call, problemOf } from './web-kit';

describe('GET /api/devices', () => {
  let kit: ControlKit;

  beforeEach(async () => {
    kit = await controlKit();
  });

  afterEach(async () => {
    await kit.close();
  });

  const list = (headers: Record<string, string> = { 'x-session-id': 'sess-alice' }) =>
    call(`${kit.app.url}/api/devices`, { headers });

  it("lists the listener's devices with the user's token, inside the budget; unusable entries left out", async () => {
    kit.spotify.devicesBody = {
      devices: [
        { id: 'd1', is_active: true, name: 'Kitchen', type: 'Speaker', volume_percent: 40 },
        { id: null, is_active: false, name: 'Web Player', type: 'Computer', volume_percent: null },
        { id: 'd3', is_active: false, name: 42, type: 'TV' },
        'not a device',
      ],
    };
    const answer = await list();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      devices: [
        { id: 'd1', name: 'Kitchen', type: 'Speaker', volume: 40, isActive: true },
        { id: null, name: 'Web Player', type: 'Computer', volume: null, isActive: false },
      ],
    });
    expect(kit.spotify.calls).toMatchObject([{ method: 'getDevices', token: 'token-alice-0' }]);
    expect(await kit.stores.budget.used(kit.clock.now(), 31_000)).toBe(1);
  });

  it('needs a session', async () => {
    const answer = await list({});
    expect(answer.status).toBe(401);
    expect(kit.spotify.calls).toEqual([]);
  });

  it('in a cooldown: 503, nothing sent', async () => {
    const now = kit.clock.now();
    await kit.stores.cooldown.enter(now + 5000, 'rate_limited', now);
    const answer = await list();
    expect(answer.status).toBe(503);
    expect(problemOf(answer).code).toBe('spotify_cooldown');
    expect(kit.spotify.calls).toEqual([]);
  });

  it('a 401 refreshes once and retries', async () => {
    kit.spotify.failNext(failures.unauthorized());
    expect((await list()).status).toBe(200);
    expect(kit.spotify.calls.map((sent) => sent.token)).toEqual(['token-alice-0', 'token-alice-1']);
  });
});
