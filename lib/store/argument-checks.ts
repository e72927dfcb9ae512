/**
 * Up-front checks of the numbers and strings the stores are called with. A NaN instant or a zero TTL would
 * otherwise be written into Redis and surface far away; here the message names the method and the argument.
 */

export function assertInstant(where: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${where}: ${name} must be a finite number of ms, got ${String(value)}`);
  }
}

export function assertPositiveDuration(where: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${where}: ${name} must be a finite number of ms > 0, got ${String(value)}`);
  }
}

export function assertPositiveInteger(where: string, name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${where}: ${name} must be an integer >= 1, got ${String(value)}`);
  }
}

export function assertNonEmptyString(where: string, name: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new RangeError(`${where}: ${name} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}
