import { createDemoWorld, DEMO_CAST, type DemoWorld } from '../../lib/demo';
import { SeededRandom } from '../../lib/random/random';
import type { TruthRecord } from '../../lib/simulator';
import { activeDevice } from '../../lib/simulator/player-state';
import { VirtualClock } from '../../lib/time/virtual-clock';

const TEN_MINUTES = 600_000;

async function tenMinutesOf(seed: string): Promise<{ demo: DemoWorld; truth: TruthRecord[] }> {
  const clock = new VirtualClock();
  const demo = createDemoWorld({ clock, random: new SeededRandom(seed) });
  await clock.advance(TEN_MINUTES);
  return { demo, truth: demo.world.truthSince(0) };
}

describe('createDemoWorld', () => {
  it('has four named listeners by default, each playing, with a phone, a laptop and a speaker', () => {
    const clock = new VirtualClock();
    const demo = createDemoWorld({ clock, random: new SeededRandom('cast') });
    expect(demo.listeners).toEqual(
      DEMO_CAST.slice(0, 4).map(({ userId, displayName }) => ({ userId, displayName })),
    );
    expect(demo.credentials.map((c) => c.id)).toEqual(demo.listeners.map((l) => l.userId));
    for (const { userId } of demo.listeners) {
      const state = demo.world.trueState(userId);
      expect(state.devices.map((d) => d.type)).toEqual(['Smartphone', 'Computer', 'Speaker']);
      expect(state.isPlaying).toBe(true);
      expect(activeDevice(state)).not.toBeNull();
    }
  });

  it('issues tokens the simulated API accepts', () => {
    const demo = createDemoWorld({ clock: new VirtualClock(), random: new SeededRandom('tokens') });
    for (const credentials of demo.credentials) {
      const me = demo.world.request({
        method: 'GET',
        path: '/v1/me',
        authorization: `Bearer ${credentials.accessToken}`,
      });
      expect(me.status).toBe(200);
      expect((me.body as { id: string }).id).toBe(credentials.id);
    }
  });

  it.each([0, 7, 2.5])('refuses %p listeners', (listeners) => {
    expect(() =>
      createDemoWorld({ clock: new VirtualClock(), random: new SeededRandom(1), listeners }),
    ).toThrow(`Demo option \`listeners\` must be an integer from 1 to ${DEMO_CAST.length}, got ${listeners}`);
  });

  it.each(['a', 'b', 'c'])('keeps every listener busy for ten minutes (seed %s)', async (seed) => {
    const { demo, truth } = await tenMinutesOf(seed);
    for (const { userId } of demo.listeners) {
      const own = truth.filter((r) => r.listenerId === userId);
      const byApp = own.filter((r) => r.cause === 'app');
      expect(byApp.length).toBeGreaterThanOrEqual(10);
      expect(new Set(byApp.map((r) => r.kind)).size).toBeGreaterThanOrEqual(4);
      expect(own.filter((r) => r.kind === 'track').length).toBeGreaterThanOrEqual(2);
    }
    expect(
      truth.filter((r) => r.cause === 'natural_end' && r.kind === 'track').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('plays music only', async () => {
    const { truth } = await tenMinutesOf('music');
    const items = truth.filter((r) => r.kind === 'track') as (TruthRecord & { itemType: string })[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.itemType === 'track')).toBe(true);
  });
});
