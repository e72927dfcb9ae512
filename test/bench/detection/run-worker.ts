import { Registry } from 'prom-client';
import { createLogger } from '../../../lib/log/logger';
import { Publisher } from '../../../lib/publish';
import { SeededRandom } from '../../../lib/random/random';
import type { SchedulerTuning } from '../../../lib/scheduler';
import { InProcessPlaybackReader } from '../../../lib/simulator';
import { createMemoryStores } from '../../../lib/store';
import { VirtualClock } from '../../../lib/time/virtual-clock';
import { Worker } from '../../../lib/worker/worker';
import { createBenchWorld } from './bench-world';
import { ListenerSink } from './listener-sink';
import { RecordingReader } from './recording-reader';
import type { PollRecord, RunRecord } from './run-record';
import type { RunSpec } from './run-spec';
import { RUN_START } from './run-start';

const silentLogger = createLogger({ level: 'error', service: 'bench', silent: true });

/** Virtual time given to the worker to finish its requests in flight when it closes. */
const CLOSE_MS = 10_000;

/**
 * The daemon's own worker (scheduler, budget ledger, cooldown, normalize → diff → attribute, publisher) on
 * in-memory stores and a VirtualClock, reading the simulator in-process. Every listener is subscribed for the
 * whole run; `tuning` is the scheduler's configuration (the budget above all).
 */
export async function runWorker(spec: RunSpec, tuning: Partial<SchedulerTuning>): Promise<RunRecord> {
  const clock = new VirtualClock(RUN_START);
  const bench = createBenchWorld(spec.workload, spec.plans, clock, spec.rateLimit);
  const { world, listeners } = bench;
  const stores = createMemoryStores();
  const sink = new ListenerSink();
  const publisher = new Publisher({ stores, sink, clock, registry: new Registry(), log: silentLogger });
  const polls = new Map<string, PollRecord[]>();
  const listenerOfToken = new Map(listeners.map((listener) => [listener.accessToken, listener.id]));
  const reader = new RecordingReader(
    new InProcessPlaybackReader(world, clock),
    clock,
    listenerOfToken,
    polls,
  );
  const tokenOf = new Map(listeners.map((listener) => [listener.id, listener.accessToken]));
  const worker = new Worker(
    {
      stores,
      spotify: reader,
      tokens: {
        accessToken: async (userId) => tokenOf.get(userId) as string,
        afterUnauthorized: async (userId) => tokenOf.get(userId) as string,
      },
      publisher,
      clock,
      random: new SeededRandom(`${spec.workload.seed}/worker`),
      logger: silentLogger,
      registry: new Registry(),
    },
    { workerId: 'bench', schedulerBase: tuning },
  );
  const stopAt = bench.startedAt + spec.runMs + spec.tailMs;
  for (const { id } of listeners) await stores.activeUsers.touch(id, stopAt + CLOSE_MS);
  await worker.start();
  for (const change of bench.rateChanges) {
    if (change.at > stopAt) break;
    await clock.advanceTo(change.at);
    world.setActor(change.listenerId, change.rates);
  }
  await clock.advanceTo(stopAt);
  const closing = worker.close();
  await clock.advance(CLOSE_MS);
  await closing;
  await publisher.close();
  await stores.close();
  return {
    truth: world.truthSince(0),
    startedAt: bench.startedAt,
    listenerIds: listeners.map((listener) => listener.id),
    initialStates: bench.initialStates,
    polls,
    events: sink.events,
  };
}
