import type { Redis } from 'ioredis';

export type LuaCommand = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

/**
 * Lua that sets a garbage-collection TTL on a key without shortening a longer one: `extendExpiry(key, ms)`.
 * Redis TTLs here only collect litter; logical expiry is data compared with the callers' `now`.
 */
export const EXTEND_EXPIRY_LUA = `
local function extendExpiry(key, ms)
  if redis.call('PTTL', key) < tonumber(ms) then redis.call('PEXPIRE', key, ms) end
end
`;

/**
 * A Lua script run atomically by Redis, registered with ioredis' `defineCommand` (EVALSHA, falling back to
 * EVAL once per connection). Names get a prefix of their own so they do not clash with other scripts.
 */
export function luaCommand(redis: Redis, name: string, numberOfKeys: number, lua: string): LuaCommand {
  const commandName = `musicStore${name}`;
  redis.defineCommand(commandName, { numberOfKeys, lua });
  const command: unknown = (redis as unknown as Record<string, unknown>)[commandName];
  if (typeof command !== 'function') throw new Error(`ioredis did not define the command ${commandName}`);
  return (keys, args) =>
    (command as (...params: (string | number)[]) => Promise<unknown>).call(redis, ...keys, ...args);
}
