import { accountsRequest } from './request-builders';
import { sendSpotifyRequest } from './send-spotify-request';
import { checkSecret, checkText } from './spotify-api-arguments';
import {
  resolveSpotifyClientOptions,
  type ResolvedSpotifyClientOptions,
  type SpotifyClientOptions,
} from './spotify-client-options';
import type { SpotifyFailureDetails } from './spotify-failure';
import { SpotifyMalformedBodyError } from './spotify-malformed-body-error';
import { readTokenResponse, type TokenResponseFields } from './token-response';

/** The app's credentials from Spotify's developer dashboard. */
export interface SpotifyAppCredentials {
  clientId: string;
  clientSecret: string;
}

/** A new access token. */
export interface SpotifyAccessGrant {
  accessToken: string;
  /** Lifetime in seconds, as Spotify sends it; count it from `receivedAt`. */
  expiresIn: number;
  /** The granted scopes, space-separated; null when not reported. */
  scope: string | null;
  /** Local receive time (ms since the epoch). */
  receivedAt: number;
}

/** Signing in always yields a refresh token. */
export interface SpotifySignInGrant extends SpotifyAccessGrant {
  refreshToken: string;
}

/**
 * A refresh may or may not rotate the refresh token: when `refreshToken` is absent, keep the one you have
 * (it stays valid). Drop a stored refresh token only on SpotifyInvalidGrantError, never on an outage.
 */
export interface SpotifyRefreshGrant extends SpotifyAccessGrant {
  refreshToken?: string;
}

const TOKEN_PATH = '/api/token';

/**
 * The accounts service at `accountsUrl`: the sign-in URL, the code exchange and token refresh (authorization
 * code flow, client authenticated with HTTP Basic). Failures reject with SpotifyFailure subclasses: a revoked
 * or used grant is SpotifyInvalidGrantError, an outage SpotifyUpstreamError, SpotifyTimeoutError or
 * SpotifyConnectionError.
 */
export class SpotifyAccountsClient {
  private readonly options: Readonly<ResolvedSpotifyClientOptions>;
  private readonly clientId: string;
  private readonly basicAuthorization: string;

  constructor(credentials: SpotifyAppCredentials, options: Partial<SpotifyClientOptions> = {}) {
    this.options = resolveSpotifyClientOptions(options);
    this.clientId = checkText('clientId', credentials.clientId);
    const clientSecret = checkSecret('clientSecret', credentials.clientSecret);
    this.basicAuthorization = `Basic ${Buffer.from(`${this.clientId}:${clientSecret}`).toString('base64')}`;
  }

  /** Where to send the listener to grant `scopes`; Spotify redirects to `redirectUri` with `code` and `state`. */
  authorizeUrl(scopes: readonly string[], state: string, redirectUri: string): string {
    if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string' || !/^\S+$/.test(scope))) {
      throw new RangeError(
        `Spotify call: \`scopes\` must be an array of scope names, got ${JSON.stringify(scopes)}`,
      );
    }
    // The builder gives the re-pointed URI; the query is encoded here (the library's `getURL` leaves it raw).
    const url = new URL(accountsRequest(this.options.accounts, '/authorize').build().getURI());
    url.searchParams.set('client_id', this.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', checkRedirectUri(redirectUri));
    url.searchParams.set('scope', scopes.join(' '));
    url.searchParams.set('state', checkText('state', state));
    return url.toString();
  }

  /** Trades the `code` from the sign-in redirect for tokens; `redirectUri` must equal the one signed in with. */
  async exchangeCode(code: string, redirectUri: string): Promise<SpotifySignInGrant> {
    const { fields, receivedAt, details } = await this.requestToken({
      grant_type: 'authorization_code',
      code: checkSecret('code', code),
      redirect_uri: checkRedirectUri(redirectUri),
    });
    const { accessToken, expiresIn, scope, refreshToken } = fields;
    if (refreshToken === undefined) {
      throw new SpotifyMalformedBodyError(details, 'refresh_token: missing from a sign-in grant');
    }
    return { accessToken, expiresIn, scope, receivedAt, refreshToken };
  }

  /** A new access token for `refreshToken`; see SpotifyRefreshGrant about the refresh token it may return. */
  async refresh(refreshToken: string): Promise<SpotifyRefreshGrant> {
    const { fields, receivedAt } = await this.requestToken({
      grant_type: 'refresh_token',
      refresh_token: checkSecret('refreshToken', refreshToken),
    });
    const { accessToken, expiresIn, scope } = fields;
    const grant: SpotifyRefreshGrant = { accessToken, expiresIn, scope, receivedAt };
    if (fields.refreshToken !== undefined) grant.refreshToken = fields.refreshToken;
    return grant;
  }

  private async requestToken(
    form: Record<string, string>,
  ): Promise<{ fields: TokenResponseFields; receivedAt: number; details: SpotifyFailureDetails }> {
    const request = accountsRequest(this.options.accounts, TOKEN_PATH)
      .withHeaders({
        Authorization: this.basicAuthorization,
        'Content-Type': 'application/x-www-form-urlencoded',
      })
      .withBodyParameters(form)
      .build();
    const response = await sendSpotifyRequest(
      request,
      'POST',
      { service: 'accounts', expect: 'json' },
      this.options,
    );
    const details: SpotifyFailureDetails = {
      service: 'accounts',
      operation: `POST ${request.getPath()}`,
      status: response.status,
      headers: response.headers,
    };
    const read = readTokenResponse(response.body.kind === 'json' ? response.body.value : undefined);
    if (!read.ok) throw new SpotifyMalformedBodyError(details, read.problem);
    return { fields: read.fields, receivedAt: response.receivedAt, details };
  }
}

function checkRedirectUri(value: unknown): string {
  const text = checkText('redirectUri', value);
  if (!URL.canParse(text)) {
    throw new RangeError(
      `Spotify call: \`redirectUri\` must be an absolute URL, got ${JSON.stringify(text)}`,
    );
  }
  return text;
}
