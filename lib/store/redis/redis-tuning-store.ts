import type { Redis } from 'ioredis';
import type { StoreKeys } from '../keys';
import { StoreDataError } from '../store-data-error';
import { serializeTuningValues, type Tuning, type TuningStore } from '../tuning-store';
import { luaCommand, type LuaCommand } from './lua-command';
import { replyNumber } from './redis-replies';

/** KEYS: tuning. ARGV: values JSON. Returns the new version. */
const SET = `
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'values', ARGV[1])
return version
`;

export class RedisTuningStore implements TuningStore {
  private readonly setScript: LuaCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
  ) {
    this.setScript = luaCommand(redis, 'SetTuning', 1, SET);
  }

  async get(): Promise<Tuning | null> {
    const key = this.keys.tuning;
    const [version, values] = await this.redis.hmget(key, 'version', 'values');
    if (version === null && values === null) return null;
    if (typeof values !== 'string') throw new StoreDataError(key, 'the values are missing');
    return { version: replyNumber(key, version), values: JSON.parse(values) as Record<string, unknown> };
  }

  async set(values: Record<string, unknown>): Promise<Tuning> {
    const json = serializeTuningValues('tuning.set', values);
    const version = replyNumber(this.keys.tuning, await this.setScript([this.keys.tuning], [json]));
    return { version, values: JSON.parse(json) as Record<string, unknown> };
  }
}
