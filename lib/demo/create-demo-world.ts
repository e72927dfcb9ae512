import type { Random } from '../random/random';
import { SimWorld, type ListenerCredentials } from '../simulator';
import type { Clock } from '../time/clock';
import { DEMO_ACTOR_RATES } from './demo-actor-rates';
import { DEMO_CAST } from './demo-cast';

export interface DemoWorldOptions {
  /** The simulator's time (the system clock in `npm start`, a VirtualClock in tests). */
  clock: Clock;
  /** Seeds the simulator: the catalog, where each listener starts, what their app does. */
  random: Random;
  /** How many demo listeners, 1 to DEMO_CAST.length. Default 4. */
  listeners?: number;
}

/** A demo listener as the sign-in picker shows them. */
export interface DemoListener {
  userId: string;
  displayName: string;
}

export interface DemoWorld {
  world: SimWorld;
  listeners: readonly DemoListener[];
  /** Each listener's tokens, as if they had signed in (see `signInDemoListeners`). */
  credentials: readonly ListenerCredentials[];
}

export const DEFAULT_DEMO_LISTENERS = 4;

/**
 * The simulated Spotify of `npm start`: a few named listeners, playing from the start on their phone or
 * laptop, whose app keeps doing things (DEMO_ACTOR_RATES). Music only (an hour-long episode would stall the
 * demo), no very long tracks, and about one track in seven a short interlude, so natural track ends are seen
 * within a couple of minutes too.
 */
export function createDemoWorld(options: DemoWorldOptions): DemoWorld {
  const count = options.listeners ?? DEFAULT_DEMO_LISTENERS;
  if (!Number.isInteger(count) || count < 1 || count > DEMO_CAST.length) {
    throw new RangeError(
      `Demo option \`listeners\` must be an integer from 1 to ${DEMO_CAST.length}, got ${JSON.stringify(count)}`,
    );
  }
  const world = new SimWorld(options.clock, {
    seed: options.random.int(2 ** 31),
    catalog: {
      shortTrackFraction: 0.1,
      longTrackFraction: 0,
      typicalTrackMinMs: 90_000,
      typicalTrackMaxMs: 210_000,
    },
    podcastChance: 0,
    actorRates: { ...DEMO_ACTOR_RATES },
  });
  const cast = DEMO_CAST.slice(0, count);
  const credentials = cast.map((member) =>
    world.addListener({
      id: member.userId,
      displayName: member.displayName,
      initial: 'playing',
      devices: [...member.devices],
    }),
  );
  return {
    world,
    listeners: cast.map(({ userId, displayName }) => ({ userId, displayName })),
    credentials,
  };
}
