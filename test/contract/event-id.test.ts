import fc from 'fast-check';
import { compareEventIds, formatEventId, parseEventId } from '../../lib/contract/event-id';

describe('event ids', () => {
  it.each([
    ['1764000000000-0', { ms: 1764000000000, seq: 0 }],
    ['5-12', { ms: 5, seq: 12 }],
    ['', null],
    ['12', null],
    ['a-1', null],
    ['1-2-3', null],
    ['-1-2', null],
    ['99999999999999999-0', null],
  ])('parses %j', (text, expected) => {
    expect(parseEventId(text)).toEqual(expected);
  });

  it('compares as number pairs, not strings', () => {
    expect(compareEventIds('9-0', '10-0')).toBeLessThan(0);
    expect(compareEventIds('10-2', '10-10')).toBeLessThan(0);
    expect(compareEventIds('10-10', '10-10')).toBe(0);
    expect(compareEventIds('11-0', '10-99')).toBeGreaterThan(0);
  });

  it('orders like the pair it was built from', () => {
    const pair = fc.tuple(fc.nat({ max: 2 ** 45 }), fc.nat({ max: 1000 }));
    fc.assert(
      fc.property(pair, pair, ([ma, sa], [mb, sb]) => {
        const expected = ma !== mb ? Math.sign(ma - mb) : Math.sign(sa - sb);
        return Math.sign(compareEventIds(formatEventId(ma, sa), formatEventId(mb, sb))) === expected;
      }),
    );
  });

  it('refuses to compare a malformed id', () => {
    expect(() => compareEventIds('x', '1-0')).toThrow('not an event id: "x"');
  });
});
