import type { Redis } from 'ioredis';
import { assertKeyPart } from '../store/key-part';
import type { StoreKeys } from '../store/keys';
import { luaCommand, type LuaCommand } from '../store/redis/lua-command';
import { execResults, replyNumber } from '../store/redis/redis-replies';
import {
  checkEntry,
  checkGateway,
  type AddSocketResult,
  type SocketEntry,
  type SocketRegistry,
} from './socket-registry';

/** KEYS: user sockets, socket user, gateway sockets, connection count, gateways. ARGV: socket, user, gateway, max, gateway until. */
const ADD = `
redis.call('ZADD', KEYS[5], 'GT', ARGV[5], ARGV[3])
local count = redis.call('SCARD', KEYS[1])
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return {1, count} end
if count >= tonumber(ARGV[4]) then return {0, count} end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
redis.call('INCR', KEYS[4])
return {1, count + 1}
`;

/** KEYS: user sockets, socket user, gateway sockets, connection count. ARGV: socket. */
const REMOVE = `
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('DEL', KEYS[2])
if redis.call('DECR', KEYS[4]) < 0 then redis.call('SET', KEYS[4], 0) end
return 1
`;

/** KEYS: user sockets, socket user, gateway sockets, connection count. ARGV: socket, user. */
const RESTORE = `
redis.call('SET', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('INCR', KEYS[4])
return 1
`;

/** KEYS: gateways. ARGV: gateway, now, until. 1 when the entry had lapsed or was gone. */
const HEARTBEAT = `
local previous = redis.call('ZSCORE', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[1], 'GT', ARGV[3], ARGV[1])
if (not previous) or tonumber(previous) <= tonumber(ARGV[2]) then return 1 end
return 0
`;

/**
 * KEYS: gateways, gateway sockets, connection count, then (user sockets, socket user) per socket. ARGV:
 * gateway, now, force, then the socket ids. Removes those sockets of a gateway, unless it is alive again
 * (-1) and not forced. Returns how many were removed.
 */
const REMOVE_GATEWAY_SOCKETS = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if ARGV[3] ~= '1' and score and tonumber(score) > tonumber(ARGV[2]) then return -1 end
local removed = 0
for i = 4, #ARGV do
  local k = 4 + (i - 4) * 2
  redis.call('HDEL', KEYS[2], ARGV[i])
  if redis.call('SREM', KEYS[k], ARGV[i]) == 1 then
    redis.call('DEL', KEYS[k + 1])
    removed = removed + 1
  end
end
if removed > 0 and redis.call('DECRBY', KEYS[3], removed) < 0 then redis.call('SET', KEYS[3], 0) end
return removed
`;

/** KEYS: gateways, gateway sockets. ARGV: gateway, now, force. Forgets a lapsed (or forced) gateway holding nothing. */
const FORGET_GATEWAY = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if ARGV[3] ~= '1' and score and tonumber(score) > tonumber(ARGV[2]) then return 0 end
if redis.call('HLEN', KEYS[2]) > 0 then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
`;

/** Sockets removed per script run when a gateway is swept: bounds how long one run holds Redis. */
const SWEEP_CHUNK = 500;

/**
 * The socket registry in Redis, shared by every gateway: the seed's keys (`ws:user:{id}:sockets` SET,
 * `ws:socket:{sid}:user` STRING, `ws:stats:connections`, `ws:stats:events` HASH) plus a heartbeat ZSET of
 * gateways and a HASH of each gateway's sockets, so the living can sweep the dead. Every change of the seed's
 * keys happens in one script with the connection count, so the count stays true.
 */
export class RedisSocketRegistry implements SocketRegistry {
  private readonly addScript: LuaCommand;
  private readonly removeScript: LuaCommand;
  private readonly restoreScript: LuaCommand;
  private readonly heartbeatScript: LuaCommand;
  private readonly removeGatewaySocketsScript: LuaCommand;
  private readonly forgetGatewayScript: LuaCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {
    this.addScript = luaCommand(redis, 'WsAddSocket', 5, ADD);
    this.removeScript = luaCommand(redis, 'WsRemoveSocket', 4, REMOVE);
    this.restoreScript = luaCommand(redis, 'WsRestoreSocket', 4, RESTORE);
    this.heartbeatScript = luaCommand(redis, 'WsGatewayHeartbeat', 1, HEARTBEAT);
    this.removeGatewaySocketsScript = variadicLuaCommand(
      redis,
      'WsRemoveGatewaySockets',
      REMOVE_GATEWAY_SOCKETS,
    );
    this.forgetGatewayScript = luaCommand(redis, 'WsForgetGateway', 2, FORGET_GATEWAY);
  }

  async add(entry: SocketEntry, max: number, gatewayUntil: number): Promise<AddSocketResult> {
    checkEntry(entry);
    const reply = await this.addScript(
      [...this.socketKeys(entry), this.keys.wsGateways],
      [entry.socketId, entry.userId, entry.gatewayId, max, gatewayUntil],
    );
    const [added, count] = Array.isArray(reply) ? reply : [];
    return { added: added === 1, count: replyNumber('socket add', count) };
  }

  async remove(entry: SocketEntry): Promise<boolean> {
    checkEntry(entry);
    return (await this.removeScript(this.socketKeys(entry), [entry.socketId])) === 1;
  }

  async restore(entries: readonly SocketEntry[]): Promise<number> {
    entries.forEach(checkEntry);
    const replies = await Promise.all(
      entries.map((entry) => this.restoreScript(this.socketKeys(entry), [entry.socketId, entry.userId])),
    );
    return replies.filter((reply) => reply === 1).length;
  }

  async heartbeat(gatewayId: string, now: number, until: number): Promise<boolean> {
    checkGateway(gatewayId);
    return (await this.heartbeatScript([this.keys.wsGateways], [gatewayId, now, until])) === 1;
  }

  async sweep(now: number): Promise<string[]> {
    const lapsed = await this.redis.zrangebyscore(this.keys.wsGateways, '-inf', now);
    const swept: string[] = [];
    for (const gatewayId of lapsed) {
      if (await this.removeAll(gatewayId, now, false)) swept.push(gatewayId);
    }
    return swept.sort();
  }

  async removeGateway(gatewayId: string): Promise<void> {
    checkGateway(gatewayId);
    await this.removeAll(gatewayId, 0, true);
  }

  async socketsOf(userId: string): Promise<string[]> {
    return (await this.redis.smembers(this.keys.wsUserSockets(userId))).sort();
  }

  async userOf(socketId: string): Promise<string | null> {
    return this.redis.get(this.keys.wsSocketUser(socketId));
  }

  async connectionCount(): Promise<number> {
    const count = await this.redis.get(this.keys.wsStatsConnections);
    return count === null ? 0 : replyNumber(this.keys.wsStatsConnections, count);
  }

  async countEvents(counts: Readonly<Record<string, number>>): Promise<void> {
    const entries = Object.entries(counts).filter(([, count]) => count !== 0);
    if (entries.length === 0) return;
    const multi = this.redis.multi();
    for (const [name, count] of entries) multi.hincrby(this.keys.wsStatsEvents, name, count);
    execResults(this.keys.wsStatsEvents, await multi.exec());
  }

  async eventCounts(): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.keys.wsStatsEvents);
    return Object.fromEntries(
      Object.entries(raw).map(([name, count]) => [name, replyNumber(this.keys.wsStatsEvents, count)]),
    );
  }

  /** Removes a gateway's sockets chunk by chunk, then the gateway; false when it came back to life. */
  private async removeAll(gatewayId: string, now: number, force: boolean): Promise<boolean> {
    const held = this.keys.wsGatewaySockets(gatewayId);
    const flag = force ? '1' : '0';
    const sockets = Object.entries(await this.redis.hgetall(held));
    for (let start = 0; start < sockets.length; start += SWEEP_CHUNK) {
      const chunk = sockets.slice(start, start + SWEEP_CHUNK);
      const keys = [this.keys.wsGateways, held, this.keys.wsStatsConnections];
      for (const [socketId, userId] of chunk) {
        assertKeyPart('userId', userId);
        keys.push(this.keys.wsUserSockets(userId), this.keys.wsSocketUser(socketId));
      }
      const args = [gatewayId, now, flag, ...chunk.map(([socketId]) => socketId)];
      const reply = await this.removeGatewaySocketsScript(keys, args);
      if (reply === -1) return false;
    }
    return (await this.forgetGatewayScript([this.keys.wsGateways, held], [gatewayId, now, flag])) === 1;
  }

  private socketKeys({ userId, socketId, gatewayId }: SocketEntry): string[] {
    return [
      this.keys.wsUserSockets(userId),
      this.keys.wsSocketUser(socketId),
      this.keys.wsGatewaySockets(gatewayId),
      this.keys.wsStatsConnections,
    ];
  }
}

/** A Lua command whose number of keys varies per call (ioredis then takes it as the first argument). */
function variadicLuaCommand(redis: Redis, name: string, lua: string): LuaCommand {
  const commandName = `musicStore${name}`;
  redis.defineCommand(commandName, { lua });
  const command: unknown = (redis as unknown as Record<string, unknown>)[commandName];
  if (typeof command !== 'function') throw new Error(`ioredis did not define the command ${commandName}`);
  return (keys, args) =>
    (command as (...params: (string | number)[]) => Promise<unknown>).call(
      redis,
      keys.length,
      ...keys,
      ...args,
    );
}
