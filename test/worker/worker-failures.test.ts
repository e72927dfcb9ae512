import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Registry } from 'prom-client';
import type { MusicEvent } from '../../lib/contract/events';
import { DEFAULT_ENGINE_OPTIONS } from '../../lib/core/engine-options';
import { Publisher } from '../../lib/publish';
import { SeededRandom } from '../../lib/random/random';
import { runReplay } from '../../lib/replay/run-replay';
import { InProcessPlaybackReader } from '../../lib/simulator';
import { PollLogRecorder } from '../../lib/worker/poll-log-recorder';
import { Worker } from '../../lib/worker/worker';
import { silentLogger, simulatorTokens, workerWorld, type WorkerWorld } from './worker-kit';

const HOUR = 3_600_000;

/** Counts every Web API request the simulator receives, with its virtual time. */
function recordRequestTimes(env: WorkerWorld): number[] {
  const times: number[] = [];
  const request = env.world.request.bind(env.world);
  env.world.request = (input) => {
    if (input.path.startsWith('/v1/')) times.push(env.clock.now());
    return request(input);
  };
  return times;
}

function addListeners(env: WorkerWorld, count: number, initial: 'playing' | 'paused' = 'playing'): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const listener = env.world.addListener({ initial, actor: false });
    env.listeners.push(listener);
    ids.push(listener.id);
  }
  return ids;
}

const statusesOf = (events: readonly MusicEvent[]) =>
  events.flatMap((event) => (event.event === 'statusChanged' ? [event.data] : []));

describe('worker failures (virtual time)', () => {
  let env: WorkerWorld;

  afterEach(async () => {
    await env.close();
  });

  it('a 429 with an hour-long Retry-After: no request from any worker until it has passed, then polling resumes', async () => {
    env = workerWorld({ rateLimit: { limit: 5, windowMs: HOUR } });
    const times = recordRequestTimes(env);
    const users = addListeners(env, 3);
    await env.activate(...users);
    await env.startWorker('w1');
    await env.startWorker('w2');
    await env.wait(60_000);

    const first = env.world.countsSnapshot().rateLimited[0];
    expect(first).toBeDefined();
    const until = first!.at + first!.retryAfterSeconds * 1000;
    // An hour-long window whose slots went in the first seconds: the block lasts nearly the whole hour.
    expect(until - first!.at).toBeGreaterThan(HOUR - 120_000);

    await env.wait(until - env.clock.now() - 60_000);
    // The kit hands out the simulator's tokens as they are, and they expire after an hour: log in again.
    env.listeners.splice(0, env.listeners.length, ...users.map((userId) => env.world.issueTokens(userId)));
    await env.wait(120_000);

    // Requests at the very instant of the first 429 were already past the cooldown check (no virtual time
    // passes between a check and its send), so they may still go out; from the next instant on, none may.
    const during = times.filter((at) => at > first!.at && at < until);
    expect(during).toEqual([]);
    for (const userId of users) {
      expect(statusesOf(env.eventsOf(userId))).toContainEqual(
        expect.objectContaining({ status: 'rate_limited', until: expect.any(Number) }),
      );
      const limited = statusesOf(env.eventsOf(userId)).find((status) => status.status === 'rate_limited');
      expect(limited!.until).toBeGreaterThanOrEqual(until);
    }

    const after = times.filter((at) => at >= until);
    expect(after.length).toBeGreaterThan(0);
    const live = users.some((userId) => {
      const statuses = statusesOf(env.eventsOf(userId));
      const limitedAt = statuses.findIndex((status) => status.status === 'rate_limited');
      return statuses.slice(limitedAt + 1).some((status) => status.status === 'live');
    });
    expect(live).toBe(true);
  });

  it('malformed bodies, hangs and a 5xx burst: the loop goes on and a healthy user is unaffected', async () => {
    env = workerWorld();
    const [malformed, hanging, failing, healthy] = addListeners(env, 4) as [string, string, string, string];
    env.world.setFaults([
      { kind: 'malformed', match: { listenerId: malformed } },
      { kind: 'hang', match: { listenerId: hanging } },
      { kind: 'status', status: 503, count: 5, match: { listenerId: failing } },
    ]);
    await env.activate(malformed, hanging, failing, healthy);
    await env.startWorker('w1');
    await env.wait(10_000);
    const early = env.world.countsSnapshot().byListener;

    const before = env.eventsOf(healthy).length;
    const pausedAt = env.clock.now();
    expect(env.world.act(healthy, { kind: 'pause' })).toBe(true);
    await env.wait(120_000);

    const pause = env
      .eventsOf(healthy)
      .slice(before)
      .find((event) => event.event === 'playbackStateChanged' && event.data.source === 'user');
    expect(pause?.data).toMatchObject({ isPlaying: false });
    expect(pause!.data.timestamp - pausedAt).toBeLessThanOrEqual(3000);

    const late = env.world.countsSnapshot().byListener;
    const playerRequests = (counts: typeof late, userId: string) =>
      counts[userId]?.['GET /v1/me/player'] ?? 0;
    for (const userId of [malformed, hanging, failing]) {
      expect(playerRequests(late, userId)).toBeGreaterThan(playerRequests(early, userId));
    }

    const failingStatuses = statusesOf(env.eventsOf(failing)).map((status) => status.status);
    expect(failingStatuses).toContain('degraded');
    expect(failingStatuses.slice(failingStatuses.indexOf('degraded'))).toContain('live');
    const resumedFrom = env.eventsOf(failing).length;
    expect(env.world.act(failing, { kind: 'pause' })).toBe(true);
    await env.wait(60_000);
    expect(
      env
        .eventsOf(failing)
        .slice(resumedFrom)
        .some((event) => event.event === 'playbackStateChanged' && event.data.isPlaying === false),
    ).toBe(true);
  });

  describe('run-time tuning', () => {
    /** Player requests for the single user over ten minutes of virtual time. */
    async function playerRequestsInTenMinutes(userId: string): Promise<number> {
      const before = env.world.countsSnapshot().byListener[userId]?.['GET /v1/me/player'] ?? 0;
      await env.wait(600_000);
      return (env.world.countsSnapshot().byListener[userId]?.['GET /v1/me/player'] ?? 0) - before;
    }

    async function tune(values: Record<string, unknown>): Promise<void> {
      const { version } = await env.stores.tuning.set(values);
      await env.stores.bus.publishTuningChanged(version);
      await env.wait(1000);
    }

    it('an invalid value is ignored and a valid one is picked up', async () => {
      env = workerWorld();
      const [userId] = addListeners(env, 1, 'paused') as [string];
      await env.activate(userId);
      await env.startWorker('w1');
      await env.wait(10_000);
      const untuned = await playerRequestsInTenMinutes(userId);

      await tune({ scheduler: { pausedMinIntervalMs: -1 } });
      const afterInvalid = await playerRequestsInTenMinutes(userId);
      expect(afterInvalid).toBeGreaterThan(0);
      expect(Math.abs(afterInvalid - untuned)).toBeLessThanOrEqual(Math.max(2, untuned * 0.1));

      // Alone with the whole budget, a paused user is polled at the shortest interval: 1 s by default.
      expect(untuned).toBeGreaterThan(500);
      await tune({ scheduler: { pausedMinIntervalMs: 5000, pausedMaxIntervalMs: 60_000 } });
      const afterValid = await playerRequestsInTenMinutes(userId);
      expect(afterValid).toBeLessThanOrEqual(600_000 / 5000 + 2);
      expect(afterValid).toBeGreaterThan(600_000 / 5000 / 2);
    });
  });

  describe('recording', () => {
    let dir: string;

    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Records one user's polls through a few app actions; returns the log's text and the published events. */
    async function record(): Promise<{ log: string; published: string[][] }> {
      env = workerWorld();
      const [userId] = addListeners(env, 1) as [string];
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-failures-'));
      const recorderErrors: unknown[] = [];
      const recorder = new PollLogRecorder(dir, (_user, error) => recorderErrors.push(error));
      // The kit's startWorker takes no recorder: the same deps, plus one.
      const publisher = new Publisher(
        { stores: env.stores, sink: env.sink, clock: env.clock, registry: new Registry(), log: silentLogger },
        { eventsPerMinute: 10_000 },
      );
      const worker = new Worker(
        {
          stores: env.stores,
          spotify: new InProcessPlaybackReader(env.world, env.clock),
          tokens: simulatorTokens(
            () => env.listeners,
            () => env.world,
          ),
          publisher,
          clock: env.clock,
          random: new SeededRandom('recorder'),
          logger: silentLogger,
          registry: new Registry(),
          recorder,
        },
        { workerId: 'rec', leaseTtlMs: 3000 },
      );
      try {
        await worker.start();
        const { version } = await env.stores.tuning.set({ recordUsers: [userId] });
        await env.stores.bus.publishTuningChanged(version);
        await env.wait(1000);
        // Activated only now, so the worker's first look at the user (the replay's baseline) is recorded too.
        await env.activate(userId);
        await env.wait(10_000);
        const actions = [
          { kind: 'pause' },
          { kind: 'resume' },
          { kind: 'skip' },
          { kind: 'device' },
        ] as const;
        for (const action of actions) {
          expect(env.world.act(userId, action)).toBe(true);
          await env.wait(45_000);
        }
      } finally {
        const closing = worker.close();
        await env.wait(10_000);
        await closing;
        await publisher.close();
      }
      expect(recorderErrors).toEqual([]);
      const published = env
        .eventsOf(userId)
        .filter((event) => event.event !== 'statusChanged')
        .map((event) => [event.event, event.data.source]);
      expect(published.length).toBeGreaterThanOrEqual(4);
      return { log: fs.readFileSync(recorder.fileOf(userId), 'utf8'), published };
    }

    async function replay(log: string): Promise<{ events: string[][]; problems: string }> {
      const out = new PassThrough();
      const problems = new PassThrough();
      const outText: string[] = [];
      const problemText: string[] = [];
      out.on('data', (chunk: Buffer) => outText.push(chunk.toString()));
      problems.on('data', (chunk: Buffer) => problemText.push(chunk.toString()));
      await runReplay(Readable.from([log]), out, problems, DEFAULT_ENGINE_OPTIONS);
      const events = outText
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as MusicEvent)
        .map((event) => [event.event, event.data.source]);
      return { events, problems: problemText.join('') };
    }

    // A virtual clock gives fractional ms; the poll log holds whole ms (the recorder rounds), or replay would skip.
    it('the written log replays without a skipped line', async () => {
      const { log } = await record();
      expect((await replay(log)).problems).toBe('');
    });

    it('the replayed events are those the worker published (t rounded, see the test above)', async () => {
      const { log, published } = await record();
      const rounded = log
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const parsed = JSON.parse(line) as { t: number };
          return JSON.stringify({ ...parsed, t: Math.round(parsed.t) });
        })
        .join('\n');
      const replayed = await replay(rounded);
      expect(replayed.problems).toBe('');
      expect(replayed.events).toEqual(published);
    });
  });
});
