import type { ActorRates } from '../simulator';

/**
 * How often a demo listener's "Spotify app" does each thing (events per hour). Far livelier than a real person
 * (DEFAULT_ACTOR_RATES), so someone watching one listener sees a change every ten to twenty seconds: skips,
 * short pauses, volume drags, device switches and queue adds make most of it. Stopping (no device) is rare and
 * short, since a listener with nothing playing shows nothing.
 */
export const DEMO_ACTOR_RATES: Readonly<ActorRates> = Object.freeze({
  skip: 12,
  previous: 5,
  pause: 36,
  /** Applies only while paused: a pause lasts about ten seconds. */
  resume: 360,
  seek: 12,
  volume: 50,
  device: 30,
  queue_add: 50,
  queue_clear: 4,
  stop: 1,
  /** Applies only with no device: back within about fifteen seconds. */
  start: 240,
  context: 6,
  shuffle: 8,
  repeat: 4,
});
