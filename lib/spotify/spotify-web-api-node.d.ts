/**
 * Typings for the request builders inside spotify-web-api-node 5.0.2 (its published typings cover only the
 * `SpotifyWebApi` class, whose methods hard-code Spotify's hosts). The builders carry scheme, host and port, so
 * the adapter points them at any base URL without patching the library.
 */
declare module 'spotify-web-api-node/src/base-request' {
  export type RequestParameters = Record<string, unknown>;

  /** A built request: the parts the library's own HTTP manager reads. */
  export interface LibraryRequest {
    /** `scheme://host[:port]path`, the port omitted when it is the scheme's default. */
    getURI(): string;
    getPath(): string;
    getQueryParameters(): RequestParameters | undefined;
    getBodyParameters(): RequestParameters | undefined;
    getHeaders(): Record<string, string> | undefined;
  }

  export interface LibraryRequestBuilder {
    withScheme(scheme: string): LibraryRequestBuilder;
    withHost(host: string): LibraryRequestBuilder;
    withPort(port: number): LibraryRequestBuilder;
    withPath(path: string): LibraryRequestBuilder;
    /** Merged into earlier ones; an empty object is ignored. */
    withQueryParameters(...parameters: RequestParameters[]): LibraryRequestBuilder;
    withBodyParameters(...parameters: RequestParameters[]): LibraryRequestBuilder;
    withHeaders(...headers: Record<string, string>[]): LibraryRequestBuilder;
    /** Adds `Authorization: Bearer <token>`. */
    withAuth(accessToken: string): LibraryRequestBuilder;
    build(): LibraryRequest;
  }

  export function builder(): LibraryRequestBuilder;
}

declare module 'spotify-web-api-node/src/webapi-request' {
  import type { LibraryRequestBuilder } from 'spotify-web-api-node/src/base-request';

  /** A builder preset to https://api.spotify.com:443 with the bearer token. */
  export function builder(accessToken?: string): LibraryRequestBuilder;
}

declare module 'spotify-web-api-node/src/authentication-request' {
  import type { LibraryRequestBuilder } from 'spotify-web-api-node/src/base-request';

  /** A builder preset to https://accounts.spotify.com:443. */
  export function builder(): LibraryRequestBuilder;
}
