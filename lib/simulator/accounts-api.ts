import type { ApiResponse } from './api-request';
import { respond } from './api-request';
import type { FaultPlan } from './faults';
import type { RequestCounts } from './request-counts';
import type { SimListener } from './sim-listener';
import type { GrantResult, IssuedTokens, TokenStore } from './tokens';

/**
 * The accounts service (accounts.spotify.com): `GET /authorize` approves at once and redirects with a code;
 * `POST /api/token` runs the authorization_code and refresh_token grants, authenticating the client by Basic
 * header or by `client_id`/`client_secret` form fields. Errors use OAuth's `{"error","error_description"}`.
 */

export interface AccountsDeps {
  advance(): number;
  clientId: string;
  clientSecret: string;
  tokens: TokenStore;
  faults: FaultPlan;
  counts: RequestCounts;
  /** The listener who "logs in": the one named by the simulator's `listener` parameter, else the default. */
  loginListener(requested: string | undefined): SimListener | undefined;
}

function oauthError(status: number, error: string, description: string): ApiResponse {
  return respond(status, { error, error_description: description });
}

/** The outage switch, or a fault rule matching this accounts path: the failed answer and the added latency. */
function accountsFault(deps: AccountsDeps, method: string, path: string) {
  if (deps.faults.accountsOutage) {
    return { failure: oauthError(503, 'temporarily_unavailable', 'Service unavailable'), latencyMs: 0 };
  }
  const { failure, latencyMs } = deps.faults.decide({ method, path, listenerId: null });
  if (failure?.kind === 'status')
    return { failure: oauthError(failure.status, 'server_error', 'Server error'), latencyMs };
  if (failure?.kind === 'hang' || failure?.kind === 'reset') {
    return { failure: { ...respond(0), wireFailure: failure.kind }, latencyMs };
  }
  return { failure: null, latencyMs };
}

export function handleAuthorize(deps: AccountsDeps, query: Record<string, string | undefined>): ApiResponse {
  const fault = accountsFault(deps, 'GET', '/authorize');
  const response = { ...(fault.failure ?? authorize(deps, query)), latencyMs: fault.latencyMs };
  deps.counts.recordAccounts(`GET /authorize ${response.wireFailure ?? response.status}`);
  return response;
}

function authorize(deps: AccountsDeps, query: Record<string, string | undefined>): ApiResponse {
  const at = deps.advance();
  if (query.client_id !== deps.clientId) return oauthError(400, 'invalid_client', 'Invalid client');
  if (query.response_type !== 'code')
    return oauthError(400, 'unsupported_response_type', 'response_type must be code');
  let redirect: URL;
  try {
    redirect = new URL(query.redirect_uri ?? '');
  } catch {
    return oauthError(400, 'invalid_request', 'Invalid redirect URI');
  }
  const listener = deps.loginListener(query.listener);
  if (!listener)
    return oauthError(400, 'invalid_request', `Unknown listener ${JSON.stringify(query.listener)}`);
  const code = deps.tokens.createCode(listener.id, redirect.toString(), at);
  redirect.searchParams.set('code', code);
  if (query.state !== undefined) redirect.searchParams.set('state', query.state);
  return respond(302, undefined, { location: redirect.toString() });
}

export function handleToken(
  deps: AccountsDeps,
  authorization: string | undefined,
  form: Record<string, string | undefined>,
): ApiResponse {
  const fault = accountsFault(deps, 'POST', '/api/token');
  const response = { ...(fault.failure ?? token(deps, authorization, form)), latencyMs: fault.latencyMs };
  deps.counts.recordAccounts(`POST /api/token ${response.wireFailure ?? response.status}`);
  return response;
}

function clientCredentials(authorization: string | undefined, form: Record<string, string | undefined>) {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return { id: form.client_id, secret: form.client_secret };
}

function token(
  deps: AccountsDeps,
  authorization: string | undefined,
  form: Record<string, string | undefined>,
) {
  const at = deps.advance();
  const client = clientCredentials(authorization, form);
  // PKCE clients send their id and a code_verifier instead of the secret.
  const pkce = form.code_verifier !== undefined && client.secret === undefined;
  if (client.id !== deps.clientId) return oauthError(400, 'invalid_client', 'Invalid client');
  if (!pkce && client.secret !== deps.clientSecret)
    return oauthError(400, 'invalid_client', 'Invalid client secret');

  let result: GrantResult;
  switch (form.grant_type) {
    case undefined:
      return oauthError(400, 'unsupported_grant_type', 'grant_type parameter is missing');
    case 'authorization_code':
      if (!form.code) return oauthError(400, 'invalid_request', 'code parameter is missing');
      result = deps.tokens.exchangeCode(form.code, normalizedUri(form.redirect_uri), at);
      break;
    case 'refresh_token':
      if (!form.refresh_token) return oauthError(400, 'invalid_request', 'refresh_token must be supplied');
      result = deps.tokens.refreshGrant(form.refresh_token, at);
      break;
    default:
      return oauthError(
        400,
        'unsupported_grant_type',
        'grant_type must be authorization_code or refresh_token',
      );
  }
  if ('error' in result) return oauthError(400, result.error, result.description);
  return respond(200, tokenBody(result.tokens));
}

function normalizedUri(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined;
  try {
    return new URL(uri).toString();
  } catch {
    return uri;
  }
}

function tokenBody(tokens: IssuedTokens) {
  return {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresInSeconds,
    ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
    scope: tokens.scope,
  };
}
