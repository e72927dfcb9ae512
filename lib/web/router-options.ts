/**
 * Defaults merged with `overrides` (an `undefined` keeps its default), unknown keys refused, and the integer
 * options checked against their ranges; frozen. Throws a RangeError naming the bad option.
 */
export function resolveRouterOptions<T extends object>(
  what: string,
  defaults: Readonly<T>,
  overrides: Partial<T>,
  integerRanges: { [K in keyof T]?: readonly [min: number, max: number] },
): Readonly<T> {
  for (const key of Object.keys(overrides)) {
    if (!(key in defaults)) throw new RangeError(`Unknown ${what} option \`${key}\``);
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const resolved = { ...defaults, ...defined } as T;
  for (const [key, range] of Object.entries(integerRanges) as [keyof T & string, [number, number]][]) {
    const value = resolved[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < range[0] || value > range[1]) {
      throw new RangeError(
        `${what} option \`${key}\` must be an integer from ${range[0]} to ${range[1]}, got ${JSON.stringify(value)}`,
      );
    }
  }
  return Object.freeze(resolved);
}
