import type { Redis } from 'ioredis';
import { assertInstant, assertNonEmptyString } from '../argument-checks';
import type { Cooldown, CooldownStore } from '../cooldown-store';
import type { StoreKeys } from '../keys';
import { gcTtlMs } from './gc-ttl';
import { luaCommand, type LuaCommand } from './lua-command';
import { replyNumber, replyString } from './redis-replies';

/** KEYS: cooldown. ARGV: until, reason, gcTtlMs. Returns {until, reason} of the cooldown now stored. */
const ENTER = `
local current = redis.call('HGET', KEYS[1], 'until')
if not current or tonumber(current) < tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'until', ARGV[1], 'reason', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return redis.call('HMGET', KEYS[1], 'until', 'reason')
`;

export class RedisCooldownStore implements CooldownStore {
  private readonly enterScript: LuaCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {
    this.enterScript = luaCommand(redis, 'EnterCooldown', 1, ENTER);
  }

  async enter(until: number, reason: string, now: number): Promise<Cooldown | null> {
    assertInstant('cooldown.enter', 'until', until);
    assertNonEmptyString('cooldown.enter', 'reason', reason);
    assertInstant('cooldown.enter', 'now', now);
    const stored = await this.enterScript([this.keys.cooldown], [until, reason, gcTtlMs(until - now)]);
    return this.inForce(stored, now);
  }

  async current(now: number): Promise<Cooldown | null> {
    assertInstant('cooldown.current', 'now', now);
    const stored = await this.redis.hmget(this.keys.cooldown, 'until', 'reason');
    return stored[0] === null ? null : this.inForce(stored, now);
  }

  private inForce(stored: unknown, now: number): Cooldown | null {
    const key = this.keys.cooldown;
    const [until, reason] = Array.isArray(stored) ? stored : [];
    const cooldown = { until: replyNumber(key, until), reason: replyString(key, reason) };
    return cooldown.until > now ? cooldown : null;
  }
}
