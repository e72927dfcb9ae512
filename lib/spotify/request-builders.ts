import type { LibraryRequestBuilder } from 'spotify-web-api-node/src/base-request';
import { builder as accountsBuilder } from 'spotify-web-api-node/src/authentication-request';
import { builder as webApiBuilder } from 'spotify-web-api-node/src/webapi-request';
import type { BaseUrl } from './base-url';

/** The library's Web API builder (bearer token included), re-pointed from api.spotify.com to `base`. */
export function apiRequest(base: BaseUrl, accessToken: string, path: string): LibraryRequestBuilder {
  return pointedAt(webApiBuilder(accessToken), base, path);
}

/** The library's accounts builder, re-pointed from accounts.spotify.com to `base`. */
export function accountsRequest(base: BaseUrl, path: string): LibraryRequestBuilder {
  return pointedAt(accountsBuilder(), base, path);
}

function pointedAt(builder: LibraryRequestBuilder, base: BaseUrl, path: string): LibraryRequestBuilder {
  return builder
    .withScheme(base.scheme)
    .withHost(base.host)
    .withPort(base.port)
    .withPath(base.basePath + path);
}
