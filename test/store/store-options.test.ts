import {
  DEFAULT_REDIS_STORE_OPTIONS,
  DEFAULT_STORE_OPTIONS,
  resolveRedisStoreOptions,
  resolveStoreOptions,
} from '../../lib/store/store-options';

describe('store options', () => {
  it('have documented defaults', () => {
    expect(resolveStoreOptions()).toEqual({ bufferSize: 50 });
    expect(resolveRedisStoreOptions()).toEqual({ bufferSize: 50, prefix: 'music:', bufferTtlMs: 3_600_000 });
    expect(DEFAULT_REDIS_STORE_OPTIONS).toMatchObject(DEFAULT_STORE_OPTIONS);
  });

  it('merge overrides', () => {
    expect(resolveRedisStoreOptions({ bufferSize: 7, prefix: 'x:' })).toEqual({
      bufferSize: 7,
      prefix: 'x:',
      bufferTtlMs: 3_600_000,
    });
  });

  it.each([
    [{ bufferSize: 0 }, 'Store option `bufferSize` must be an integer >= 1, got 0'],
    [{ bufferSize: 2.5 }, 'Store option `bufferSize` must be an integer >= 1, got 2.5'],
    [{ bufferTtlMs: -1 }, 'Store option `bufferTtlMs` must be an integer >= 1, got -1'],
    [{ prefix: 7 as unknown as string }, 'Store option `prefix` must be a string, got 7'],
    [{ prefix: 'nocolon' }, 'key prefix must be segments'],
    [{ bufferSzie: 5 } as object, 'Unknown store option `bufferSzie`'],
  ])('reject %j', (overrides, message) => {
    expect(() => resolveRedisStoreOptions(overrides)).toThrow(message);
  });

  it('reject Redis-only options for the memory backend', () => {
    expect(() => resolveStoreOptions({ prefix: 'x:' } as object)).toThrow('Unknown store option `prefix`');
  });
});
