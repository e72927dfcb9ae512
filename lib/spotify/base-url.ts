/** Where one of Spotify's services is reached, in the parts the library's request builders take. */
export interface BaseUrl {
  scheme: 'http' | 'https';
  /** Host name or address; an IPv6 address keeps its brackets, as the builders need for the URI. */
  host: string;
  /** Explicit, or the scheme's default (80/443). */
  port: number;
  /** A path prefix put before every request path (e.g. a simulator mounted at `/spotify`); '' for none. */
  basePath: string;
}

/**
 * Parses the base URL given as option `optionName`. Only scheme, host, port and a path prefix are allowed:
 * a query, a fragment or credentials would be silently dropped or leak into logs, so they are rejected.
 */
export function parseBaseUrl(optionName: string, value: unknown): BaseUrl {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RangeError(
      `Spotify option \`${optionName}\` must be a non-empty URL string, got ${JSON.stringify(value)}`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`Spotify option \`${optionName}\` is not a valid URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(
      `Spotify option \`${optionName}\` must use http or https, got ${JSON.stringify(url.protocol)}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new RangeError(`Spotify option \`${optionName}\` must not contain credentials`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new RangeError(
      `Spotify option \`${optionName}\` must not have a query or a fragment, got ${JSON.stringify(value)}`,
    );
  }
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  return {
    scheme,
    host: url.hostname,
    port: url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port),
    basePath: url.pathname.replace(/\/+$/, ''),
  };
}
