/**
 * An expiring ownership in a hash {owner, expiresAt}: the refresh lock and the lease. KEYS[1]: the hash.
 * ARGV: owner, now, expiresAt, gcTtlMs. Leaves the script with 0 when someone else holds it beyond `now`;
 * otherwise `owner` holds it until `expiresAt` and the script goes on.
 */
export const CLAIM_OR_RETURN_LUA = `
local owner = redis.call('HGET', KEYS[1], 'owner')
if owner and owner ~= ARGV[1] and tonumber(redis.call('HGET', KEYS[1], 'expiresAt')) > tonumber(ARGV[2]) then
  return 0
end
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'expiresAt', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
`;

/** Returns 1 when `owner` now holds the hash, else 0. */
export const CLAIM_LUA = `${CLAIM_OR_RETURN_LUA}
return 1
`;

/** KEYS[1]: the hash. ARGV: owner. Deletes it when `owner` holds it; 1 when it did. */
export const RELEASE_LUA = `
if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`;
