import { DEFAULT_ENGINE_OPTIONS, resolveEngineOptions } from '../../lib/core/engine-options';
import type { EngineOptions } from '../../lib/core/engine-options';

describe('resolveEngineOptions', () => {
  it('gives the defaults, frozen, without overrides', () => {
    const options = resolveEngineOptions();
    expect(options).toEqual(DEFAULT_ENGINE_OPTIONS);
    expect(Object.isFrozen(options)).toBe(true);
  });

  it('shows a window of 20 queue items by default, as Spotify (and the simulator) do', () => {
    expect(DEFAULT_ENGINE_OPTIONS.queueWindowItems).toBe(20);
  });

  it('takes valid overrides', () => {
    expect(resolveEngineOptions({ queueWindowItems: 1, seekToleranceMs: 0 })).toMatchObject({
      queueWindowItems: 1,
      seekToleranceMs: 0,
    });
  });

  it.each<[Partial<EngineOptions>, RegExp]>([
    [{ queueWindowItems: 0 }, /`queueWindowItems` must be a whole number >= 1, got 0/],
    [{ queueWindowItems: 2.5 }, /`queueWindowItems` must be a whole number >= 1, got 2.5/],
    [{ queueWindowItems: Number.POSITIVE_INFINITY }, /`queueWindowItems` must be a finite number >= 0/],
    [{ seekToleranceMs: -1 }, /`seekToleranceMs` must be a finite number >= 0, got -1/],
    [{ restartListenedFraction: 1.5 }, /`restartListenedFraction` is a fraction .* got 1.5/],
    [{ bogus: 1 } as Partial<EngineOptions>, /Unknown engine option `bogus`/],
  ])('rejects %j', (overrides, message) => {
    expect(() => resolveEngineOptions(overrides)).toThrow(message);
  });
});
