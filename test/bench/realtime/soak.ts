import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { arrivalsBySocket, checkDeliveries, deliveriesExact, type DeliveryReport } from './delivery-check';
import type { DaemonProcess } from './harness/daemon-process';
import { Stack } from './harness/stack';
import { readStreams } from './harness/streams';
import { sleep, wallNow } from './harness/wall-clock';
import { LoadGenerator } from './load-generator/load-generator';
import type { SocketPlan } from './load-generator/protocol';
import { mib, type Row } from './summary';

export interface SoakOptions {
  /** Measured time, after the warm-up. */
  durationMs: number;
  /** Before the first heap sample: every listener polled, the JIT warm, the sockets settled. Default 60 000. */
  warmupMs?: number;
  /**
   * After `warmupMs`, keep warming up until the listeners' state is complete, at most this much longer: until
   * the number of engine states that include a queue grew by less than 1 % of the listeners in 30 s. A worker
   * learns a listener's queue only over its first minutes; measuring heap growth before that measures the
   * state filling in, not a leak. Default 0 (no settling).
   */
  settleMaxMs?: number;
  /** Simulated listeners, all with an actor using the Spotify app at the simulator's default rates. Default 1000. */
  listeners?: number;
  /** Sockets, spread evenly over the listeners (in two load-generator children). Default 2000. */
  sockets?: number;
  /** Heap samples this often. Default durationMs / 10. */
  sampleEveryMs?: number;
  /** SPOTIFY_BUDGET_PER_30S. Default 3 per listener. */
  budgetPerWindow?: number;
  /**
   * Write heap snapshots of both processes at the first and the last sample into this directory
   * (`{web,worker}-{first,last}.heapsnapshot`), to see what a growth is made of. Default none.
   */
  heapSnapshotDir?: string;
}

export interface HeapSample {
  /** ms since the warm-up ended. */
  at: number;
  web: { heapUsed: number; rss: number };
  worker: { heapUsed: number; rss: number };
  /**
   * The listeners' engine states as stored in Redis (the same data the worker holds per listener): total JSON
   * bytes, and how many include a queue. A worker heap that grows with these is filling in per-listener state
   * (first queue polls, estimates), not leaking per event.
   */
  engineStates: { bytes: number; withQueue: number };
}

export interface SoakFigures {
  listeners: number;
  sockets: number;
  durationMs: number;
  /** The warm-up it took, settling included. */
  warmupUsedMs: number;
  budgetPerWindow: number;
  /** Heap after a full GC, sampled in each process by the probe. */
  samples: HeapSample[];
  /** (last − first) / first of the post-GC heap; and of the largest sample. */
  heapGrowth: { web: number; worker: number; webMax: number; workerMax: number };
  delivery: DeliveryReport;
  exact: boolean;
  /** Requests the simulator answered during the run, and the 429s among them. */
  requests: number;
  rateLimited: number;
}

/**
 * The soak: one web process and one worker over `listeners` simulated listeners whose actors keep using the
 * app, with `sockets` subscribed from two load-generator children before the worker starts (so every event
 * of every stream was published while all sockets of its user were subscribed). Streams are kept whole
 * (WEBSOCKET_MUSIC_BUFFER_SIZE raised) so at the end each socket's receipts can be checked against them.
 */
export async function measureSoak(options: SoakOptions): Promise<SoakFigures> {
  const listenerCount = options.listeners ?? 1000;
  const socketCount = options.sockets ?? 2000;
  const warmupMs = options.warmupMs ?? 60_000;
  const sampleEveryMs = options.sampleEveryMs ?? Math.max(5000, options.durationMs / 10);
  const budgetPerWindow = options.budgetPerWindow ?? 3 * listenerCount;
  const stack = await Stack.start({
    name: 'soak',
    daemonEnv: {
      SPOTIFY_BUDGET_PER_30S: String(budgetPerWindow),
      WEBSOCKET_MUSIC_BUFFER_SIZE: '100000',
    },
  });
  const generators = [
    LoadGenerator.start('soak-sockets-1', stack.logDir),
    LoadGenerator.start('soak-sockets-2', stack.logDir),
  ];
  try {
    const playing = Math.round(listenerCount * 0.7);
    const paused = Math.round(listenerCount * 0.2);
    const listeners = [
      ...(await stack.simulator.addListeners(playing, 'playing', true)),
      ...(await stack.simulator.addListeners(paused, 'paused', true)),
      ...(await stack.simulator.addListeners(listenerCount - playing - paused, 'idle', true)),
    ];
    await stack.accounts.signIn(listeners);
    const userIds = listeners.map((listener) => listener.id);
    const sessions = await stack.accounts.createSessions(userIds);
    const web = await stack.startWeb('soak-web');
    const plans: SocketPlan[][] = [[], []];
    const socketUsers: string[][] = [[], []];
    for (let i = 0; i < socketCount; i++) {
      const user = i % listenerCount;
      plans[i % 2]?.push({ userId: userIds[user] as string, sessionId: sessions[user] as string });
      socketUsers[i % 2]?.push(userIds[user] as string);
    }
    const opened = await Promise.all(
      generators.map((generator, index) =>
        generator.open({
          url: web.origin,
          sockets: plans[index] as SocketPlan[],
          concurrency: 50,
          client: 'raw',
          subscribe: true,
          reconnect: false,
          record: true,
        }),
      ),
    );
    const failed = opened.flatMap((answer) => Object.entries(answer.failures));
    if (failed.length > 0) throw new Error(`soak: sockets failed: ${JSON.stringify(failed)}`);
    const worker = await stack.startWorker('soak-worker');
    const requestsBefore = (await stack.simulator.counts()).total;

    const warmupFrom = wallNow();
    await sleep(warmupMs);
    await settle(stack.accounts.redis, userIds, options.settleMaxMs ?? 0);
    const warmupUsedMs = wallNow() - warmupFrom;
    const started = wallNow();
    const sample = async (at: number) => ({
      ...(await heapSample(web, worker, at)),
      engineStates: await engineStates(stack.accounts.redis, userIds),
    });
    const samples: HeapSample[] = [await sample(0)];
    await snapshots(options.heapSnapshotDir, web, worker, 'first');
    while (wallNow() - started < options.durationMs) {
      await sleep(Math.min(sampleEveryMs, options.durationMs - (wallNow() - started)));
      samples.push(await sample(wallNow() - started));
    }
    await snapshots(options.heapSnapshotDir, web, worker, 'last');
    await worker.stop();
    await sleep(3000);

    const counts = await stack.simulator.counts();
    const arrivals = await Promise.all(generators.map((generator) => generator.arrivals()));
    const streams = await readStreams(stack.accounts.stores, userIds);
    const split = arrivals.flatMap((list, index) => arrivalsBySocket(list, socketUsers[index]?.length ?? 0));
    const delivery = checkDeliveries(socketUsers.flat(), split, streams);
    const first = samples[0] as HeapSample;
    const last = samples[samples.length - 1] as HeapSample;
    const growth = (a: number, b: number) => (b - a) / a;
    return {
      listeners: listenerCount,
      sockets: socketCount,
      durationMs: options.durationMs,
      warmupUsedMs,
      budgetPerWindow,
      samples,
      heapGrowth: {
        web: growth(first.web.heapUsed, last.web.heapUsed),
        worker: growth(first.worker.heapUsed, last.worker.heapUsed),
        webMax: growth(first.web.heapUsed, Math.max(...samples.map((sample) => sample.web.heapUsed))),
        workerMax: growth(
          first.worker.heapUsed,
          Math.max(...samples.map((sample) => sample.worker.heapUsed)),
        ),
      },
      delivery,
      exact: deliveriesExact(delivery),
      requests: counts.total - requestsBefore,
      rateLimited: counts.rateLimited.length,
    };
  } finally {
    await Promise.all(generators.map((generator) => generator.close()));
    await stack.close();
  }
}

async function snapshots(
  dir: string | undefined,
  web: DaemonProcess,
  worker: DaemonProcess,
  when: 'first' | 'last',
): Promise<void> {
  if (dir === undefined) return;
  await web.heapSnapshot(join(dir, `web-${when}.heapsnapshot`));
  await worker.heapSnapshot(join(dir, `worker-${when}.heapsnapshot`));
}

/** Waits (at most `maxMs`) until the engine states with a queue grow by less than 1 % of the listeners per 30 s. */
async function settle(redis: Redis, userIds: readonly string[], maxMs: number): Promise<void> {
  const until = wallNow() + maxMs;
  let before = (await engineStates(redis, userIds)).withQueue;
  while (wallNow() < until) {
    await sleep(Math.min(30_000, until - wallNow()));
    const now = (await engineStates(redis, userIds)).withQueue;
    if (now - before < userIds.length / 100) return;
    before = now;
  }
}

async function engineStates(redis: Redis, userIds: readonly string[]): Promise<HeapSample['engineStates']> {
  const pipeline = redis.pipeline();
  for (const userId of userIds) pipeline.get(`music:state:${userId}`);
  let bytes = 0;
  let withQueue = 0;
  for (const [, value] of (await pipeline.exec()) ?? []) {
    if (typeof value !== 'string') continue;
    bytes += Buffer.byteLength(value);
    if ((JSON.parse(value) as { queue?: unknown }).queue) withQueue++;
  }
  return { bytes, withQueue };
}

async function heapSample(
  web: DaemonProcess,
  worker: DaemonProcess,
  at: number,
): Promise<Omit<HeapSample, 'engineStates'>> {
  const [w, k] = await Promise.all([web.probe(true), worker.probe(true)]);
  return {
    at,
    web: { heapUsed: w.memory.heapUsed, rss: w.memory.rss },
    worker: { heapUsed: k.memory.heapUsed, rss: k.memory.rss },
  };
}

export function soakRows(figures: SoakFigures): Row[] {
  const minutes = (figures.durationMs / 60_000).toFixed(figures.durationMs < 60_000 ? 1 : 0);
  const where = `soak ${minutes} min (after ${(figures.warmupUsedMs / 60_000).toFixed(1)} min warm-up), ${figures.listeners} listeners, ${figures.sockets} sockets`;
  const first = figures.samples[0] as HeapSample;
  const last = figures.samples[figures.samples.length - 1] as HeapSample;
  const pct = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
  const { delivery } = figures;
  return [
    [
      `${where}: gateway heap after GC, first → last (max)`,
      `${mib(first.web.heapUsed)} → ${mib(last.web.heapUsed)}: ${pct(figures.heapGrowth.web)} (max ${pct(figures.heapGrowth.webMax)})`,
      '≤ +10 %',
    ],
    [
      `${where}: worker heap after GC, first → last (max)`,
      `${mib(first.worker.heapUsed)} → ${mib(last.worker.heapUsed)}: ${pct(figures.heapGrowth.worker)} (max ${pct(figures.heapGrowth.workerMax)})`,
      '≤ +10 %',
    ],
    [
      `${where}: listeners' engine states in Redis, first → last`,
      `${mib(first.engineStates.bytes)} → ${mib(last.engineStates.bytes)} (${first.engineStates.withQueue} → ${last.engineStates.withQueue} with a queue)`,
      '',
    ],
    [
      `${where}: deliveries (events in the streams × their sockets)`,
      `${delivery.delivered} of ${delivery.expectedDeliveries} (${delivery.streamEvents} events)`,
      'all',
    ],
    [
      `${where}: missing / duplicated / other user's / out of order`,
      `${delivery.missing} / ${delivery.duplicates} / ${delivery.foreign} / ${delivery.outOfOrder}`,
      '0 / 0 / 0 / 0',
    ],
    [`${where}: Spotify requests / 429s`, `${figures.requests} / ${figures.rateLimited}`, '— / 0'],
  ];
}
