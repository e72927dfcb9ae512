import { resolveWorkerOptions } from '../../lib/worker/worker-options';

describe('resolveWorkerOptions', () => {
  it('fills the defaults, the allocation refresh among them', () => {
    expect(resolveWorkerOptions({ workerId: 'w1' })).toMatchObject({
      allocationRefreshMs: 1000,
      allocationRefreshFraction: 0.2,
      allocationMaxAgeMs: 10_000,
      membershipIntervalMs: 5000,
    });
  });

  it.each([
    [
      { allocationRefreshFraction: -0.1 },
      '`allocationRefreshFraction` must be a number from 0 to 1, got -0.1',
    ],
    [{ allocationRefreshFraction: 1.5 }, '`allocationRefreshFraction` must be a number from 0 to 1, got 1.5'],
    [{ allocationRefreshFraction: NaN }, '`allocationRefreshFraction` must be a number from 0 to 1, got NaN'],
    [{ allocationMaxAgeMs: 0 }, '`allocationMaxAgeMs` must be a positive number, got 0'],
    [
      { allocationRefreshMs: 5000, allocationMaxAgeMs: 2000 },
      '`allocationMaxAgeMs` (2000) must not be shorter than `allocationRefreshMs` (5000)',
    ],
    [
      { leaseTtlMs: 3000, membershipIntervalMs: 1500 },
      '`membershipIntervalMs` (1500) must be under half of `leaseTtlMs` (3000)',
    ],
  ])('rejects %j', (options, message) => {
    expect(() => resolveWorkerOptions({ workerId: 'w1', ...options })).toThrow(message);
  });

  it('accepts a fraction of 0 (a pure timer) and of 1', () => {
    expect(
      resolveWorkerOptions({ workerId: 'w1', allocationRefreshFraction: 0 }).allocationRefreshFraction,
    ).toBe(0);
    expect(
      resolveWorkerOptions({ workerId: 'w1', allocationRefreshFraction: 1 }).allocationRefreshFraction,
    ).toBe(1);
  });
});
