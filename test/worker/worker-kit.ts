import { Registry } from 'prom-client';
import type { MusicEvent } from '../../lib/contract/events';
import { HintClient } from '../../lib/hints';
import { createLogger } from '../../lib/log/logger';
import { MemorySink, Publisher } from '../../lib/publish';
import { SeededRandom } from '../../lib/random/random';
import { InProcessPlaybackReader, SimWorld, type ListenerCredentials } from '../../lib/simulator';
import type { SimulatorOptionsInput } from '../../lib/simulator';
import { createMemoryStores, type Stores } from '../../lib/store';
import type { Clock } from '../../lib/time/clock';
import { systemClock } from '../../lib/time/system-clock';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { Worker, type WorkerDeps } from '../../lib/worker/worker';
import type { WorkerOptions } from '../../lib/worker/worker-options';

export const silentLogger = createLogger({ level: 'error', service: 'test', silent: true });

/** Tokens straight from the simulator: the token manager has tests of its own. */
export function simulatorTokens(
  listeners: () => ListenerCredentials[],
  world: () => SimWorld,
): WorkerDeps['tokens'] {
  const indexOf = (userId: string) => {
    const index = listeners().findIndex((candidate) => candidate.id === userId);
    if (index < 0) throw new Error(`no simulated listener ${userId}`);
    return index;
  };
  return {
    accessToken: async (userId) => listeners()[indexOf(userId)]!.accessToken,
    // The simulator's access tokens expire after an hour, as Spotify's do: a 401 gets the listener new ones.
    afterUnauthorized: async (userId) => {
      const fresh = world().issueTokens(userId);
      listeners()[indexOf(userId)] = fresh;
      return fresh.accessToken;
    },
  };
}

export interface WorkerWorld {
  clock: Clock;
  /** Lets `ms` pass: virtual time moves at once; real time is waited for. */
  wait(ms: number): Promise<void>;
  world: SimWorld;
  stores: Stores;
  sink: MemorySink;
  hints: HintClient;
  listeners: ListenerCredentials[];
  /** Starts a worker; it uses `ownStores` when given (another process's connection), else the shared ones. */
  startWorker(id: string, options?: Partial<WorkerOptions>, ownStores?: Stores): Promise<Worker>;
  /** Starts a worker that `kill()` freezes like a dead process: no heartbeat, no renewal, no poll, no cleanup. */
  startKillableWorker(
    id: string,
    options?: Partial<WorkerOptions>,
  ): Promise<{ worker: Worker; kill(): void }>;
  /** Marks users active for an hour (what the gateway does on subscribe). */
  activate(...userIds: string[]): Promise<void>;
  eventsOf(userId: string): MusicEvent[];
  close(): Promise<void>;
}

/**
 * A simulator, stores, a publisher and workers on one clock: virtual by default (memory stores; an hour runs in
 * a moment), or the system clock for stores with real I/O (Redis), whose round trips virtual time would outrun.
 */
export function workerWorld(
  simulator: SimulatorOptionsInput = {},
  stores: Stores = createMemoryStores(),
  time: 'virtual' | 'real' = 'virtual',
): WorkerWorld {
  const virtual = time === 'virtual' ? new VirtualClock() : null;
  const clock: Clock = virtual ?? systemClock;
  const world = new SimWorld(clock, { seed: 1, consistency: { minMs: 0, maxMs: 0 }, ...simulator });
  const sink = new MemorySink();
  const publisher = new Publisher(
    { stores, sink, clock, registry: new Registry(), log: silentLogger },
    { eventsPerMinute: 10_000 },
  );
  const hints = new HintClient({ stores, publisher, clock, random: new SeededRandom('hints') });
  const listeners: ListenerCredentials[] = [];
  const workers: Worker[] = [];
  const wait = (ms: number) => (virtual ? virtual.advance(ms) : systemClock.sleep(ms));
  return {
    clock,
    wait,
    world,
    stores,
    sink,
    hints,
    listeners,
    async startWorker(id, options = {}, ownStores = stores) {
      const worker = new Worker(
        {
          stores: ownStores,
          spotify: new InProcessPlaybackReader(world, clock),
          tokens: simulatorTokens(
            () => listeners,
            () => world,
          ),
          publisher,
          clock,
          random: new SeededRandom(id),
          logger: silentLogger,
          registry: new Registry(),
        },
        { workerId: id, leaseTtlMs: 3000, ...options },
      );
      workers.push(worker);
      await worker.start();
      return worker;
    },
    async startKillableWorker(id, options = {}) {
      let dead = false;
      const frozen = freezable(stores, () => dead);
      const worker = await this.startWorker(id, options, frozen);
      workers.splice(workers.indexOf(worker), 1);
      return {
        worker,
        kill: () => {
          dead = true;
        },
      };
    },
    async activate(...userIds) {
      for (const userId of userIds) await stores.activeUsers.touch(userId, clock.now() + 3_600_000);
    },
    eventsOf: (userId) => sink.eventsOf(userId),
    async close() {
      const closing = Promise.all(workers.map((worker) => worker.close()));
      if (virtual) await virtual.advance(10_000);
      await closing;
      await publisher.close();
      await stores.close();
    },
  };
}

/** The stores as a dead process sees them: once `isDead()`, every call waits forever. */
function freezable(stores: Stores, isDead: () => boolean): Stores {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          isDead()
            ? new Promise(() => undefined)
            : (value as (...a: unknown[]) => unknown).apply(object, args);
      },
    });
  const frozen = { ...stores } as Record<string, unknown>;
  for (const [name, store] of Object.entries(stores)) {
    if (typeof store === 'object' && store !== null) frozen[name] = wrap(store as object);
  }
  return frozen as unknown as Stores;
}
