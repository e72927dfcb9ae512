import type { Store } from 'express-session';
import type { Redis } from 'ioredis';
import type { Clock } from '../time/clock';
import { systemClock } from '../time/system-clock';
import { MemorySessionStore } from './memory-session-store';
import { RedisSessionStore } from './redis-session-store';
import type { SessionReader } from './session-reader';

/** A session store express-session writes to and the resolver reads from. */
export type SessionStore = Store & SessionReader;

/**
 * The web app's session store: Redis in connect-redis' format (`${prefix}${sid}`) when there is a connection,
 * this process's memory otherwise (the demo).
 */
export function createSessionStore(
  redis: Redis | null,
  prefix = 'sess:',
  clock: Clock = systemClock,
): SessionStore {
  return redis === null ? new MemorySessionStore(clock) : new RedisSessionStore(redis, prefix, clock);
}
