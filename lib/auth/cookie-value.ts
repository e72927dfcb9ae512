/**
 * The value of cookie `name` in a `Cookie:` request header (URI-decoded), or undefined. The `cookie` package
 * is ESM-only since v2, which Jest's CommonJS runtime cannot load from here; reading one cookie needs no more.
 */
export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
