/**
 * Typed readers over an environment map that collect problems instead of throwing, so one start-up reports
 * every bad variable at once. Each problem names the variable, what it must be, and what it was.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or empty. */
  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optionalString(name: string): string | null {
    return this.raw(name) ?? null;
  }

  integer(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const text = this.raw(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
      this.problems.push(`${name} must be a whole number ${range}, got ${JSON.stringify(text)}`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const text = this.raw(name)?.toLowerCase();
    if (text === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(text)) return true;
    if (['false', '0', 'no', 'off'].includes(text)) return false;
    this.problems.push(`${name} must be true or false, got ${JSON.stringify(this.raw(name))}`);
    return fallback;
  }

  /** An absolute URL with one of `protocols` (e.g. `['http:', 'https:']`), or null when unset. */
  url(name: string, protocols: readonly string[]): string | null {
    const text = this.raw(name);
    if (text === undefined) return null;
    if (!URL.canParse(text) || !protocols.includes(new URL(text).protocol)) {
      this.problems.push(
        `${name} must be an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL, got ${JSON.stringify(redactUrl(text))}`,
      );
      return null;
    }
    return text;
  }

  /** A comma-separated list, trimmed, empty entries dropped. */
  list(name: string): string[] {
    return (this.raw(name) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }

  require(name: string, why: string): void {
    if (this.raw(name) === undefined) this.problems.push(`${name} is required ${why}`);
  }
}

/** A URL as it may be shown in a message: without a password. */
export function redactUrl(text: string): string {
  if (!URL.canParse(text)) return text.replace(/\/\/[^@/]*@/, '//***@');
  const url = new URL(text);
  if (url.password !== '') url.password = '***';
  return url.toString();
}
