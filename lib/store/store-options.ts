import { DEFAULT_KEY_PREFIX, storeKeys } from './keys';

/** Options both backends take. */
export interface StoreOptions {
  /** Events each user's stream keeps for replay (the seed's WEBSOCKET_MUSIC_BUFFER_SIZE). Default 50. */
  bufferSize: number;
}

/** Options of the Redis backend. */
export interface RedisStoreOptions extends StoreOptions {
  /** Prefix of every key and channel, see `keys.ts`. Default `music:`. */
  prefix: string;
  /**
   * A user's event stream is deleted by Redis this long after its last append (garbage collection; a client
   * that reconnects later gets a resync). Wall-clock ms. Default one hour.
   */
  bufferTtlMs: number;
}

export const DEFAULT_STORE_OPTIONS: Readonly<StoreOptions> = Object.freeze({ bufferSize: 50 });

export const DEFAULT_REDIS_STORE_OPTIONS: Readonly<RedisStoreOptions> = Object.freeze({
  ...DEFAULT_STORE_OPTIONS,
  prefix: DEFAULT_KEY_PREFIX,
  bufferTtlMs: 60 * 60 * 1000,
});

/** Defaults merged with `overrides`, validated and frozen. Throws a RangeError naming the bad option. */
export function resolveStoreOptions(overrides: Partial<StoreOptions> = {}): Readonly<StoreOptions> {
  return Object.freeze(checked({ ...DEFAULT_STORE_OPTIONS, ...overrides }, DEFAULT_STORE_OPTIONS));
}

export function resolveRedisStoreOptions(
  overrides: Partial<RedisStoreOptions> = {},
): Readonly<RedisStoreOptions> {
  const options = checked({ ...DEFAULT_REDIS_STORE_OPTIONS, ...overrides }, DEFAULT_REDIS_STORE_OPTIONS);
  storeKeys(options.prefix);
  return Object.freeze(options);
}

function checked<T extends StoreOptions>(options: T, defaults: Readonly<T>): T {
  for (const key of Object.keys(options)) {
    if (!(key in defaults)) throw new RangeError(`Unknown store option \`${key}\``);
  }
  for (const [key, value] of Object.entries(options)) {
    if (key === 'prefix') {
      if (typeof value !== 'string') {
        throw new RangeError(`Store option \`prefix\` must be a string, got ${JSON.stringify(value)}`);
      }
    } else if (!Number.isSafeInteger(value) || (value as number) < 1) {
      throw new RangeError(`Store option \`${key}\` must be an integer >= 1, got ${JSON.stringify(value)}`);
    }
  }
  return options;
}
