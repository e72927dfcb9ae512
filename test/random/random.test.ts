import fc from 'fast-check';
import { SeededRandom, systemRandom } from '../../lib/random/random';

const draw = (seed: number | string, n: number) => {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(42, 20)).toEqual(draw(42, 20));
    expect(draw(42, 20)).not.toEqual(draw(43, 20));
  });

  it('stays in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const random = new SeededRandom(seed);
        const x = random.next();
        const i = random.int(n);
        const b = random.between(-5, 5);
        return x >= 0 && x < 1 && Number.isInteger(i) && i >= 0 && i < n && b >= -5 && b < 5;
      }),
    );
  });

  it('is roughly uniform', () => {
    const random = new SeededRandom('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(random.next() * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws exponential gaps with the requested mean', () => {
    const random = new SeededRandom(7);
    let sum = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) sum += random.exponential(30);
    expect(sum / n).toBeGreaterThan(29);
    expect(sum / n).toBeLessThan(31);
  });

  it('forks independent, reproducible streams', () => {
    const a = new SeededRandom(1).fork('listener-1');
    const b = new SeededRandom(1).fork('listener-1');
    const c = new SeededRandom(1).fork('listener-2');
    const seqA = [a.next(), a.next()];
    expect([b.next(), b.next()]).toEqual(seqA);
    expect([c.next(), c.next()]).not.toEqual(seqA);
  });

  it('rejects impossible requests with a clear message', () => {
    const random = new SeededRandom(1);
    expect(() => random.int(0)).toThrow('int: n must be a positive integer, got 0');
    expect(() => random.pick([])).toThrow('pick: the array is empty');
  });

  it('seeds the system random differently each time', () => {
    expect(systemRandom().next()).not.toBe(systemRandom().next());
  });
});
