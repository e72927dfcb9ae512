import type { Redis } from 'ioredis';
import { assertInstant, assertPositiveDuration } from '../argument-checks';
import {
  assertReservationArgs,
  type BudgetLedger,
  type GuardedReservation,
  type Reservation,
} from '../budget-ledger';
import type { StoreKeys } from '../keys';
import { gcTtlMs } from './gc-ttl';
import { luaCommand, type LuaCommand } from './lua-command';
import { replyNumber, replyString } from './redis-replies';

/**
 * KEYS: the ledger (zset member → instant), the member counter. ARGV: now, cutoff (now − windowMs), limit,
 * count, gcTtlMs. Returns {1} when granted, else {0, instant of the reservation whose leaving makes room}.
 */
const TRY_RESERVE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
local used = redis.call('ZCARD', KEYS[1])
local limit = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
if used + count > limit then
  local blocking = used + count - limit - 1
  return {0, redis.call('ZRANGE', KEYS[1], blocking, blocking, 'WITHSCORES')[2]}
end
local last = redis.call('INCRBY', KEYS[2], count)
for i = count - 1, 0, -1 do
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1] .. '#' .. string.format('%d', last - i))
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return {1}
`;

/**
 * TRY_RESERVE behind the cooldown (KEYS[3], the cooldown hash; same ARGV): returns {2, until, reason} while
 * one is in force at now, reserving nothing.
 */
const TRY_RESERVE_OUTSIDE_COOLDOWN = `
local cooldown = redis.call('HMGET', KEYS[3], 'until', 'reason')
if cooldown[1] and tonumber(cooldown[1]) > tonumber(ARGV[1]) then
  return {2, cooldown[1], cooldown[2]}
end
${TRY_RESERVE}`;

export class RedisBudgetLedger implements BudgetLedger {
  private readonly tryReserveScript: LuaCommand;
  private readonly tryReserveOutsideCooldownScript: LuaCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {
    this.tryReserveScript = luaCommand(redis, 'TryReserve', 2, TRY_RESERVE);
    this.tryReserveOutsideCooldownScript = luaCommand(
      redis,
      'TryReserveOutsideCooldown',
      3,
      TRY_RESERVE_OUTSIDE_COOLDOWN,
    );
  }

  async tryReserve(now: number, windowMs: number, limit: number, count = 1): Promise<Reservation> {
    assertReservationArgs(now, windowMs, limit, count);
    const reply = await this.tryReserveScript(
      [this.keys.budget, this.keys.budgetSequence],
      [now, now - windowMs, limit, count, gcTtlMs(windowMs)],
    );
    return this.reservation(reply, windowMs);
  }

  async tryReserveOutsideCooldown(
    now: number,
    windowMs: number,
    limit: number,
    count = 1,
  ): Promise<GuardedReservation> {
    assertReservationArgs(now, windowMs, limit, count);
    const reply = await this.tryReserveOutsideCooldownScript(
      [this.keys.budget, this.keys.budgetSequence, this.keys.cooldown],
      [now, now - windowMs, limit, count, gcTtlMs(windowMs)],
    );
    if (Array.isArray(reply) && reply[0] === 2) {
      const key = this.keys.cooldown;
      const cooldown = { until: replyNumber(key, reply[1]), reason: replyString(key, reply[2]) };
      return { granted: false, retryAt: cooldown.until, cooldown };
    }
    const reservation = this.reservation(reply, windowMs);
    return reservation.granted ? reservation : { ...reservation, cooldown: null };
  }

  async used(now: number, windowMs: number): Promise<number> {
    assertInstant('budget.used', 'now', now);
    assertPositiveDuration('budget.used', 'windowMs', windowMs);
    return this.redis.zcount(this.keys.budget, `(${now - windowMs}`, '+inf');
  }

  private reservation(reply: unknown, windowMs: number): Reservation {
    if (Array.isArray(reply) && reply[0] === 1) return { granted: true };
    const blockingAt = replyNumber(this.keys.budget, Array.isArray(reply) ? reply[1] : reply);
    return { granted: false, retryAt: blockingAt + windowMs };
  }
}
