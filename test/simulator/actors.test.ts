import type { TruthRecord } from '../../lib/simulator/truth';
import { call, getPlayer, quietListener, testWorld } from './sim-test-kit';

const HOUR = 3_600_000;

/** A world with `count` listeners using the default actor, run for `ms`, optionally polling every `pollMs`. */
async function run(seed: number, count: number, ms: number, pollMs?: number): Promise<TruthRecord[]> {
  const { world, clock } = testWorld({ seed, rateLimit: { limit: 1_000_000 } });
  const tokens = Array.from({ length: count }, () => world.addListener().accessToken);
  const end = clock.now() + ms;
  if (pollMs !== undefined) {
    while (clock.now() + pollMs <= end) {
      await clock.advance(pollMs);
      for (const token of tokens) getPlayer(world, token);
    }
  }
  await clock.advanceTo(end);
  return world.truthSince(0);
}

describe('actors', () => {
  it('give the same timeline for the same seed, whatever the reads in between', async () => {
    const quiet = await run(7, 5, 2 * HOUR);
    const polled = await run(7, 5, 2 * HOUR, 1000);
    expect(quiet.length).toBeGreaterThan(50);
    expect(polled).toEqual(quiet);
  });

  it('give another timeline for another seed', async () => {
    const a = await run(7, 3, HOUR);
    const b = await run(8, 3, HOUR);
    expect(b.map((r) => [r.at, r.kind])).not.toEqual(a.map((r) => [r.at, r.kind]));
  });

  it('act at their configured rate', async () => {
    const { world, clock } = testWorld({ seed: 3 });
    const { id } = quietListener(world);
    world.setActor(id, { ...zeroRates(), skip: 60 });
    await clock.advance(10 * HOUR);
    const skips = world
      .truthSince(0, id)
      .filter((r) => r.cause === 'app' && r.action === 'skip' && r.kind === 'track');
    // 600 expected; a Poisson count stays within ±6 standard deviations (≈ ±147).
    expect(skips.length).toBeGreaterThan(450);
    expect(skips.length).toBeLessThan(750);
    expect(world.truthSince(0, id).some((r) => r.cause === 'app' && r.action !== 'skip')).toBe(false);
  });

  it('drag the volume slider in several steps within two seconds', async () => {
    const { world, clock } = testWorld({ seed: 4 });
    const { id } = quietListener(world);
    // Rare enough that two drags almost never overlap.
    world.setActor(id, { ...zeroRates(), volume: 4 });
    await clock.advance(20 * HOUR);
    const volumes = world.truthSince(0, id).filter((r) => r.kind === 'volume');
    const drags: TruthRecord[][] = [];
    for (const record of volumes) {
      const last = drags[drags.length - 1];
      if (last && record.at - last[0]!.at <= 2000) last.push(record);
      else drags.push([record]);
    }
    const multiStep = drags.filter((drag) => drag.length > 1);
    expect(multiStep.length).toBeGreaterThan(10);
    for (const drag of multiStep) {
      const values = drag.map((r) => (r.kind === 'volume' ? r.volume : NaN));
      const direction = Math.sign(values[values.length - 1]! - values[0]!);
      for (let i = 1; i < values.length; i++) expect(Math.sign(values[i]! - values[i - 1]!)).toBe(direction);
    }
  });

  it('stop when their actor is switched off', async () => {
    const { world, clock } = testWorld({ seed: 5 });
    const { id } = world.addListener({ actor: { skip: 120 } });
    await clock.advance(HOUR);
    const before = world.truthSince(0, id).filter((r) => r.cause === 'app').length;
    expect(before).toBeGreaterThan(0);
    world.setActor(id, false);
    await clock.advance(HOUR);
    expect(world.truthSince(0, id).filter((r) => r.cause === 'app')).toHaveLength(before);
  });
});

describe('scripts', () => {
  it('perform each action at its exact time', async () => {
    const { world, clock } = testWorld();
    const { id } = quietListener(world);
    const t = clock.now();
    world.script(id, [
      { at: t + 5000, action: { kind: 'resume' } },
      { at: t + 1000, action: { kind: 'pause' } },
      { at: t + 7000, action: { kind: 'volume', volume: 12 } },
    ]);
    await clock.advance(10_000);
    expect(world.truthSince(0, id).map((r) => [r.at - t, r.kind, r.cause])).toEqual([
      [1000, 'pause', 'app'],
      [5000, 'play', 'app'],
      [7000, 'volume', 'app'],
    ]);
  });

  it('are interleaved with natural ends in time order', async () => {
    const { world, clock } = testWorld();
    const { id, accessToken } = quietListener(world);
    const [a, b] = world.catalog.tracks.filter((track) => track.durationMs < 30_000);
    call(world, accessToken, 'PUT', '/v1/me/player/play', {}, { uris: [a!.uri, b!.uri, a!.uri] });
    const t = clock.now();
    world.script(id, [{ at: t + a!.durationMs + 10, action: { kind: 'seek', positionMs: 0 } }]);
    await clock.advance(a!.durationMs + b!.durationMs + 100);
    const records = world.truthSince(0, id).filter((r) => r.at > t);
    expect(records.map((r) => [r.at - t, r.kind])).toEqual([
      [a!.durationMs, 'track'],
      [a!.durationMs + 10, 'seek'],
      [a!.durationMs + 10 + b!.durationMs, 'track'],
    ]);
  });

  it('refuse times in the past', async () => {
    const { world, clock } = testWorld();
    const { id } = quietListener(world);
    await clock.advance(1000);
    expect(() => world.script(id, [{ at: clock.now() - 1, action: { kind: 'pause' } }])).toThrow(
      /lies in the past/,
    );
  });
});

describe('in virtual time', () => {
  it('runs an hour of 200 listeners with actors, polled every 5 s', async () => {
    const { world, clock } = testWorld({ seed: 11, rateLimit: { limit: 1_000_000 } });
    const start = clock.now();
    const tokens = Array.from({ length: 200 }, () => world.addListener().accessToken);
    let polls = 0;
    while (clock.now() < start + HOUR) {
      await clock.advance(5000);
      for (const token of tokens) polls += getPlayer(world, token).status === 200 ? 1 : 0;
    }
    const truth = world.truthSince(0);
    expect(clock.now()).toBe(start + HOUR);
    expect(polls).toBeGreaterThan(100_000);
    expect(world.countsSnapshot().byEndpoint['GET /v1/me/player']).toBe(200 * 720);
    expect(truth.length).toBeGreaterThan(200 * 10);
    const withNaturalEnds = new Set(truth.filter((r) => r.cause === 'natural_end').map((r) => r.listenerId));
    expect(withNaturalEnds.size).toBeGreaterThan(150);
    expect(truth.every((r, i) => i === 0 || r.at >= truth[i - 1]!.at)).toBe(true);
  });
});

function zeroRates() {
  return {
    skip: 0,
    previous: 0,
    pause: 0,
    resume: 0,
    seek: 0,
    volume: 0,
    device: 0,
    queue_add: 0,
    queue_clear: 0,
    stop: 0,
    start: 0,
    context: 0,
    shuffle: 0,
    repeat: 0,
  };
}
