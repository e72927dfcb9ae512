import { z } from 'zod';

/** The accounts service's token response (RFC 6749 section 5.1, as Spotify sends it). */
const TOKEN_RESPONSE = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  // Absent on most refreshes: the old refresh token stays valid. Null is read as absent.
  refresh_token: z.string().min(1).nullish(),
  scope: z.string().nullish(),
});

/** A token response's fields in the daemon's names; `refreshToken` undefined when none was sent. */
export interface TokenResponseFields {
  accessToken: string;
  /** Seconds, as Spotify sends it (3600 in practice). */
  expiresIn: number;
  refreshToken: string | undefined;
  /** The granted scopes, space-separated; null when not reported. */
  scope: string | null;
}

/** Validates a token response body. The problem names the fields at fault, never their values. */
export function readTokenResponse(
  body: unknown,
): { ok: true; fields: TokenResponseFields } | { ok: false; problem: string } {
  const parsed = TOKEN_RESPONSE.safeParse(body);
  if (!parsed.success) {
    const problem = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, problem };
  }
  const { access_token, expires_in, refresh_token, scope } = parsed.data;
  return {
    ok: true,
    fields: {
      accessToken: access_token,
      expiresIn: expires_in,
      refreshToken: refresh_token ?? undefined,
      scope: scope ?? null,
    },
  };
}
