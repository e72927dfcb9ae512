import { randomBytes } from 'node:crypto';
import express from 'express';
import session from 'express-session';
import { Registry } from 'prom-client';
import {
  createDemoRouter,
  createDemoWorld,
  signInDemoListeners,
  startDemoSimulator,
  type DemoSimulator,
  type DemoWorld,
} from '../../lib/demo';
import { HintClient } from '../../lib/hints';
import { MemorySink } from '../../lib/publish/memory-sink';
import { Publisher } from '../../lib/publish/publisher';
import { SeededRandom } from '../../lib/random/random';
import { createMemoryStores, type Stores } from '../../lib/store';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { TokenCipher, TokenManager } from '../../lib/tokens';
import { listen, silentLogger } from '../auth/http-kit';

export const SECRET = 'demo-session-secret';
export const COOKIE = 'demo.sid';

export interface DemoHarness {
  clock: VirtualClock;
  demo: DemoWorld;
  simulator: DemoSimulator;
  stores: Stores;
  sessions: session.MemoryStore;
  origin: string;
  close(): Promise<void>;
}

/**
 * The demo routes as `npm start` composes them, in one test: the demo world on a VirtualClock that only the
 * test moves, its simulator on a loopback port, memory stores, the listeners signed in, the hint client
 * publishing to a memory sink, express-session's MemoryStore. The actors are stopped and commands show at
 * once, so what the test sees is what the routes did.
 */
export async function startDemoHarness(): Promise<DemoHarness> {
  const clock = new VirtualClock();
  const demo = createDemoWorld({ clock, random: new SeededRandom('demo-router-test') });
  demo.world.setConsistency({ minMs: 0, maxMs: 0 });
  for (const listener of demo.listeners) demo.world.setActor(listener.userId, false);
  const simulator = await startDemoSimulator(demo.world);
  const stores = createMemoryStores();
  const tokens = new TokenManager({
    tokens: stores.tokens,
    refreshLocks: stores.refreshLocks,
    accounts: simulator.accounts,
    cipher: new TokenCipher(randomBytes(32).toString('hex')),
    clock,
    ownerId: 'demo-test',
  });
  await signInDemoListeners(demo.credentials, tokens, clock);
  const publisher = new Publisher({
    stores,
    sink: new MemorySink(),
    clock,
    registry: new Registry(),
    log: { warn: () => undefined },
  });
  const hints = new HintClient({ stores, publisher, clock, random: new SeededRandom('demo-hints') });
  const sessions = new session.MemoryStore();
  const app = express();
  app.use(
    createDemoRouter({
      world: demo.world,
      listeners: demo.listeners,
      tokens,
      spotify: simulator.api,
      hints,
      stores,
      random: new SeededRandom('demo-picks'),
      session: session({
        secret: SECRET,
        name: COOKIE,
        store: sessions,
        resave: false,
        saveUninitialized: false,
      }),
      userField: 'userId',
      logger: silentLogger,
    }),
  );
  const server = await listen(app);
  return {
    clock,
    demo,
    simulator,
    stores,
    sessions,
    origin: server.origin,
    async close() {
      await server.close();
      await simulator.close();
      await publisher.close();
      await stores.close();
    },
  };
}
