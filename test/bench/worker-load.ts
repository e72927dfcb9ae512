import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Registry } from 'prom-client';
import { createLogger } from '../../lib/log/logger';
import { CallbackSink, Publisher } from '../../lib/publish';
import { SeededRandom } from '../../lib/random/random';
import { InProcessPlaybackReader, SimWorld } from '../../lib/simulator';
import type { SpotifyReadResult } from '../../lib/spotify';
import { createMemoryStores, type Stores } from '../../lib/store';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { Worker, type PlaybackReader } from '../../lib/worker/worker';

/**
 * One worker polling N active listeners on the simulator (in process, no HTTP), with in-memory stores, in
 * virtual time. Virtual rather than real time because the figures wanted are costs, not waits: every CPU
 * microsecond the process spends goes to polling (nothing idles between polls), the run is seeded and
 * repeatable, and minutes of 10,000 listeners take as long as their computation. Whether a worker keeps up
 * in real time is `coreShare`: the CPU time per simulated second (below 1, one core suffices).
 */
export interface WorkerLoadOptions {
  listeners: number;
  /** Simulated time measured, after the warm-up. */
  durationMs: number;
  /**
   * Simulated time before measuring: every listener's first player polls, the JIT warming up. Default 60 000.
   * Every listener starts at once, so their first queue polls fall due together (the queue's least gap after
   * the first player poll, about 95 s with the default budget): a measured time spanning that wave shows how
   * the worker copes with a full ledger.
   */
  warmupMs?: number;
  /**
   * Requests per 30 s window for the whole app. Default 2 per listener: ample, every maximum interval holds
   * (the load a worker carries when the budget is not what limits it).
   */
  budgetPerWindow?: number;
  /** Seeds the simulator's listeners and the worker's jitter. Default 1. */
  seed?: number;
}

export interface WorkerLoadFigures {
  listeners: number;
  clock: 'virtual';
  warmupMs: number;
  durationMs: number;
  budgetPerWindow: number;
  /** Requests answered during the measured time, by endpoint. */
  polls: { player: number; queue: number; total: number };
  /** Listeners polled at least once by the end of the run. */
  listenersPolled: number;
  /** Events handed to the sink during the measured time. */
  eventsPublished: number;
  /** Budget allocations (O(listeners) each) computed during the measured time. */
  allocations: number;
  /** 429s the simulator served during the whole run. */
  rateLimited: number;
  /** Process CPU (user + system) during the measured time. */
  cpuMs: number;
  /**
   * Of which the simulator answering the requests: the time spent in each (synchronous) in-process read, so
   * approximate, as the GC pauses that fall in it are counted there and those it causes elsewhere are not.
   */
  simulatorCpuMs: number;
  /** Process CPU per poll (the worker and the simulator standing in for Spotify and the HTTP client). */
  cpuUsPerPoll: number;
  /** The same without the simulator's share (approximate, see `simulatorCpuMs`). */
  workerCpuUsPerPoll: number;
  /**
   * Process CPU per simulated second: the share of one core the worker needs in real time, counting the
   * simulator's share as what the HTTP client would spend instead.
   */
  coreShare: number;
  /**
   * Heap after full GCs: with the worker running (after the measured time), once the worker and its publisher
   * were closed and dropped, and once the stores were dropped too (the simulator's stays throughout).
   */
  heapBytes: { running: number; afterWorker: number; afterStores: number };
  /** (running − afterWorker) / N: what the worker process itself holds per listener. */
  workerBytesPerListener: number;
  /**
   * (afterWorker − afterStores) / N: the in-memory stores' data per listener (latest state, event buffer,
   * latest playback state, active entry, lease), which Redis holds in production.
   */
  storesBytesPerListener: number;
  /** How the full GCs were had: `--expose-gc`, or V8's flag set at run time. */
  gc: 'expose-gc' | 'v8-flag';
  /** Wall time of the whole run, setup included. */
  wallMs: number;
}

const WINDOW_MS = 30_000;
const DAY_MS = 86_400_000;
const MIX: Array<['playing' | 'paused' | 'idle', number]> = [
  ['playing', 0.7],
  ['paused', 0.2],
  ['idle', 0.1],
];

export async function measureWorkerLoad(options: WorkerLoadOptions): Promise<WorkerLoadFigures> {
  const { listeners, durationMs } = options;
  const settings: RunSettings = {
    durationMs,
    warmupMs: options.warmupMs ?? 60_000,
    budgetPerWindow: options.budgetPerWindow ?? 2 * listeners,
    seed: options.seed ?? 1,
  };
  validate(listeners, durationMs, settings.warmupMs, settings.budgetPerWindow);
  const { collect, how } = fullGc();
  const wallStarted = performance.now();
  const clock = new VirtualClock();
  const world = new SimWorld(clock, {
    seed: settings.seed,
    consistency: { minMs: 0, maxMs: 0 },
    // Spotify's own limit well above the budget: the daemon's ledger is what is measured.
    rateLimit: { limit: settings.budgetPerWindow * 2, windowMs: WINDOW_MS },
  });
  const tokens = new Map<string, string>();
  const mixRandom = new SeededRandom(`${settings.seed}/mix`);
  for (let i = 0; i < listeners; i++) {
    const { id, accessToken } = world.addListener({ initial: pickState(mixRandom.next()) });
    tokens.set(id, accessToken);
  }
  const measured = await withStores({ world, clock, tokens, settings, collect });
  collect();
  const afterStores = process.memoryUsage().heapUsed;

  const { player, queue } = measured.polls;
  const total = player + queue;
  const { heap } = measured;
  return {
    listeners,
    clock: 'virtual',
    warmupMs: settings.warmupMs,
    durationMs,
    budgetPerWindow: settings.budgetPerWindow,
    polls: { player, queue, total },
    listenersPolled: measured.listenersPolled,
    eventsPublished: measured.eventsPublished,
    allocations: measured.allocations,
    rateLimited: world.countsSnapshot().rateLimited.length,
    cpuMs: measured.cpuMs,
    simulatorCpuMs: measured.simulatorCpuMs,
    cpuUsPerPoll: (measured.cpuMs * 1000) / total,
    workerCpuUsPerPoll: ((measured.cpuMs - measured.simulatorCpuMs) * 1000) / total,
    coreShare: measured.cpuMs / durationMs,
    heapBytes: { running: heap.running, afterWorker: heap.afterWorker, afterStores },
    workerBytesPerListener: (heap.running - heap.afterWorker) / listeners,
    storesBytesPerListener: (heap.afterWorker - afterStores) / listeners,
    gc: how,
    wallMs: performance.now() - wallStarted,
  };
}

interface RunSettings {
  durationMs: number;
  warmupMs: number;
  budgetPerWindow: number;
  seed: number;
}

interface Run {
  world: SimWorld;
  clock: VirtualClock;
  tokens: Map<string, string>;
  settings: RunSettings;
  collect: () => void;
}

type Measured = Pick<
  WorkerLoadFigures,
  'listenersPolled' | 'eventsPublished' | 'allocations' | 'cpuMs' | 'simulatorCpuMs'
> & {
  polls: { player: number; queue: number };
  heap: { running: number; afterWorker: number };
};

/**
 * Memory stores with every listener active, for the worker's run; the heap is measured once the worker is
 * gone. When this returns, the stores are unreachable too.
 */
async function withStores(run: Run): Promise<Measured> {
  const stores = createMemoryStores();
  for (const userId of run.tokens.keys()) {
    await stores.activeUsers.touch(userId, run.clock.now() + DAY_MS);
  }
  const measured = await runWorker(run, stores);
  run.collect();
  const afterWorker = process.memoryUsage().heapUsed;
  await stores.close();
  return { ...measured, heap: { running: measured.runningHeap, afterWorker } };
}

/** The worker's run: warm-up, the measured time, the heap while it runs; it is closed when this returns. */
async function runWorker(
  run: Run,
  stores: Stores,
): Promise<Omit<Measured, 'heap'> & { runningHeap: number }> {
  const { world, clock, tokens, settings } = run;
  const counters = { events: 0, simulatorNs: 0n };
  const polled = new Set<string>();
  const logger = createLogger({ level: 'error', service: 'bench', silent: true });
  const registry = new Registry();
  const publisher = new Publisher(
    {
      stores,
      sink: new CallbackSink(() => void counters.events++),
      clock,
      registry: new Registry(),
      log: logger,
    },
    { eventsPerMinute: 10_000 },
  );
  const worker = new Worker(
    {
      stores,
      spotify: timedReader(new InProcessPlaybackReader(world, clock), (ns) => (counters.simulatorNs += ns)),
      tokens: {
        accessToken: async (userId) => {
          polled.add(userId);
          return tokens.get(userId) as string;
        },
        afterUnauthorized: async (userId) => {
          const fresh = world.issueTokens(userId).accessToken;
          tokens.set(userId, fresh);
          return fresh;
        },
      },
      publisher,
      clock,
      random: new SeededRandom(`${settings.seed}/worker`),
      logger,
      registry,
    },
    { workerId: 'bench', schedulerBase: { budgetPerWindow: settings.budgetPerWindow, windowMs: WINDOW_MS } },
  );
  await worker.start();
  await clock.advance(settings.warmupMs);

  const before = {
    counts: requestCounts(world),
    events: counters.events,
    simulatorNs: counters.simulatorNs,
    allocations: await allocationCount(registry),
    cpu: process.cpuUsage(),
  };
  await clock.advance(settings.durationMs);
  const cpu = process.cpuUsage(before.cpu);
  const after = requestCounts(world);
  const measured = {
    polls: { player: after.player - before.counts.player, queue: after.queue - before.counts.queue },
    listenersPolled: polled.size,
    eventsPublished: counters.events - before.events,
    allocations: (await allocationCount(registry)) - before.allocations,
    cpuMs: (cpu.user + cpu.system) / 1000,
    simulatorCpuMs: Number(counters.simulatorNs - before.simulatorNs) / 1e6,
  };
  run.collect();
  const runningHeap = process.memoryUsage().heapUsed;
  const closing = worker.close();
  await clock.advance(10_000);
  await closing;
  await publisher.close();
  return { ...measured, runningHeap };
}

/** The figures as table rows: [figure, measured, target]. */
export function rows(figures: WorkerLoadFigures): Array<[string, string, string]> {
  const name = `worker, ${figures.listeners.toLocaleString('en-US')} listeners`;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
  const { polls } = figures;
  return [
    [
      `${name}: polls in ${(figures.durationMs / 1000).toFixed(0)} s (virtual time)`,
      `${polls.total} (${polls.player} player, ${polls.queue} queue)`,
      '',
    ],
    [`${name}: CPU per poll (worker + in-process simulator)`, `${figures.cpuUsPerPoll.toFixed(1)} µs`, ''],
    [`${name}: CPU per poll, worker alone (approx.)`, `${figures.workerCpuUsPerPoll.toFixed(1)} µs`, ''],
    [`${name}: share of one core in real time`, `${(figures.coreShare * 100).toFixed(1)} %`, '< 100 %'],
    [`${name}: heap per listener, worker`, kib(figures.workerBytesPerListener), ''],
    [`${name}: heap per listener, memory stores`, kib(figures.storesBytesPerListener), ''],
    [`${name}: allocations computed`, String(figures.allocations), ''],
    [`${name}: events published`, String(figures.eventsPublished), ''],
    [`${name}: 429s`, String(figures.rateLimited), '0'],
  ];
}

function validate(listeners: number, durationMs: number, warmupMs: number, budget: number): void {
  const check = (name: string, value: number, integer: boolean) => {
    if (!(Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value)))) {
      throw new RangeError(
        `measureWorkerLoad: \`${name}\` must be a positive ${integer ? 'integer' : 'number'}, got ${value}`,
      );
    }
  };
  check('listeners', listeners, true);
  check('durationMs', durationMs, false);
  check('warmupMs', warmupMs, false);
  check('budgetPerWindow', budget, true);
}

function pickState(roll: number): 'playing' | 'paused' | 'idle' {
  let sum = 0;
  for (const [state, share] of MIX) {
    sum += share;
    if (roll < sum) return state;
  }
  return 'playing';
}

/** The reader, with the time its synchronous part takes (the whole in-process request: no latency faults). */
function timedReader(inner: PlaybackReader, add: (ns: bigint) => void): PlaybackReader {
  const timed = (read: () => Promise<SpotifyReadResult>) => {
    const started = process.hrtime.bigint();
    const result = read();
    add(process.hrtime.bigint() - started);
    return result;
  };
  return {
    getPlayer: (token) => timed(() => inner.getPlayer(token)),
    getQueue: (token) => timed(() => inner.getQueue(token)),
  };
}

function requestCounts(world: SimWorld): { player: number; queue: number } {
  const { byEndpoint } = world.countsSnapshot();
  return { player: byEndpoint['GET /v1/me/player'] ?? 0, queue: byEndpoint['GET /v1/me/player/queue'] ?? 0 };
}

async function allocationCount(registry: Registry): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'worker_allocations_total');
  return metric?.values[0]?.value ?? 0;
}

/**
 * A full, synchronous GC (run twice: the first can leave garbage that finalizers free): `--expose-gc`'s, else
 * V8's flag set now, after which a new context has `gc`.
 */
function fullGc(): { collect: () => void; how: WorkerLoadFigures['gc'] } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  const gc = exposed ?? enableGc();
  return {
    collect: () => {
      gc();
      gc();
    },
    how: exposed ? 'expose-gc' : 'v8-flag',
  };
}

function enableGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
