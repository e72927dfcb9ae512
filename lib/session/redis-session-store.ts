import { Store, type SessionData } from 'express-session';
import type { Redis } from 'ioredis';
import type { Clock } from '../time/clock';
import { systemClock } from '../time/system-clock';
import type { SessionReader } from './session-reader';
import { sessionTtlSeconds } from './session-record';

type Callback = (error?: unknown) => void;

/**
 * express-session's store in Redis, in connect-redis' format: `${prefix}${sid}` holds the session as JSON and
 * expires with the session's cookie (a day for a cookie without an expiry). A web app already using
 * connect-redis with the same prefix shares its sessions with the gateway as they are.
 */
export class RedisSessionStore extends Store implements SessionReader {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sess:',
    private readonly clock: Clock = systemClock,
  ) {
    super();
    if (typeof prefix !== 'string') {
      throw new RangeError(`RedisSessionStore: prefix must be a string, got ${JSON.stringify(prefix)}`);
    }
  }

  async readSession(sid: string): Promise<unknown> {
    const json = await this.redis.get(this.prefix + sid);
    return json === null ? null : (JSON.parse(json) as unknown);
  }

  override get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void {
    this.readSession(sid).then(
      (record) => callback(null, (record as SessionData | null) ?? null),
      (error: unknown) => callback(error),
    );
  }

  override set(sid: string, session: SessionData, callback: Callback = () => undefined): void {
    const ttl = sessionTtlSeconds(session, this.clock.now());
    const key = this.prefix + sid;
    const write = ttl > 0 ? this.redis.set(key, JSON.stringify(session), 'EX', ttl) : this.redis.del(key);
    write.then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  override destroy(sid: string, callback: Callback = () => undefined): void {
    this.redis.del(this.prefix + sid).then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  override touch(sid: string, session: SessionData, callback: Callback = () => undefined): void {
    const ttl = sessionTtlSeconds(session, this.clock.now());
    // EXPIRE with zero or less deletes the key, as connect-redis does for an expired session.
    this.redis.expire(this.prefix + sid, ttl).then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }
}
