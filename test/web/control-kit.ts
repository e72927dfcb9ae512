import type { UnpublishedEvent } from '../../lib/contract/events';
import { HintClient } from '../../lib/hints';
import type { Logger } from '../../lib/log/logger';
import { SeededRandom } from '../../lib/random/random';
import { createMemoryStores, type Stores } from '../../lib/store';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { controlRouter, devicesRouter, type ControlRouterOptions } from '../../lib/web';
import { FakeSpotify, FakeTokens } from './fake-spotify';
import { FakeSessions, silentLog, startApp, type RunningApp } from './web-kit';

/** The control and devices routers over memory stores, fakes for Spotify, tokens and sessions, virtual time. */
export interface ControlKit {
  app: RunningApp;
  stores: Stores;
  clock: VirtualClock;
  spotify: FakeSpotify;
  tokens: FakeTokens;
  sessions: FakeSessions;
  /** User ids nudged, in order. */
  nudges: string[];
  published: Array<{ userId: string; events: readonly UnpublishedEvent[] }>;
  close(): Promise<void>;
}

export async function controlKit(
  options: Partial<ControlRouterOptions> = {},
  log: Logger = silentLog,
): Promise<ControlKit> {
  const stores = createMemoryStores();
  const clock = new VirtualClock();
  // Each Spotify call records the hints live at that moment: the press's hint must already be there.
  const spotify = new FakeSpotify(() => stores.hints.live('alice', clock.now()));
  const tokens = new FakeTokens();
  const sessions = new FakeSessions({ 'sess-alice': 'alice', 'sess-bob': 'bob' });
  const nudges: string[] = [];
  const unsubscribe = await stores.bus.subscribe((userId) => nudges.push(userId));
  const published: ControlKit['published'] = [];
  const publisher = {
    publish: async (userId: string, events: readonly UnpublishedEvent[]) => {
      published.push({ userId, events });
    },
  };
  const hints = new HintClient({ stores, publisher, clock, random: new SeededRandom('web-test') });
  const deps = { sessions, spotify, tokens, hints, stores, clock, log };
  const app = await startApp(controlRouter(deps, options), devicesRouter(deps));
  return {
    app,
    stores,
    clock,
    spotify,
    tokens,
    sessions,
    nudges,
    published,
    async close() {
      await app.close();
      await unsubscribe();
      await stores.close();
    },
  };
}

/** Lets the bus deliver what was published (delivery is asynchronous). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
