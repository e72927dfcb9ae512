import { SpotifyRateLimitedError, SpotifyUnauthorizedError } from '../spotify';
import type { TokenManager } from '../tokens';
import type { BudgetGate } from './budget-gate';
import { spotifyProblem } from './spotify-problem';

export interface SendAsListenerDeps {
  tokens: Pick<TokenManager, 'accessToken' | 'afterUnauthorized'>;
  gate: Pick<BudgetGate, 'admit' | 'enterCooldown'>;
}

/**
 * One Spotify request for a listener, as the workers make theirs: the listener's token, then a slot of the
 * app-wide budget outside the cooldown, then the call; a 401 refreshes the token once and tries again (with a
 * slot of its own). `beforeSend` runs once, after the first slot is granted and before anything is sent.
 *
 * Everything on Spotify's side becomes an HttpProblem (a 429 first puts the whole app into the cooldown); any
 * other error is rethrown as it is.
 */
export async function sendAsListener<T>(
  deps: SendAsListenerDeps,
  userId: string,
  send: (accessToken: string) => Promise<T>,
  beforeSend: () => Promise<void> = async () => undefined,
): Promise<T> {
  try {
    let token = await deps.tokens.accessToken(userId);
    await deps.gate.admit();
    await beforeSend();
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof SpotifyUnauthorizedError)) throw error;
      token = await deps.tokens.afterUnauthorized(userId, token);
      await deps.gate.admit();
      return await send(token);
    }
  } catch (error) {
    if (error instanceof SpotifyRateLimitedError) {
      throw await deps.gate.enterCooldown(error.retryAfterMs, error.reason ?? 'rate_limited');
    }
    throw spotifyProblem(error) ?? error;
  }
}
