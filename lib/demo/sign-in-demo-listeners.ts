import type { ListenerCredentials } from '../simulator';
import type { Clock } from '../time/clock';
import type { TokenManager } from '../tokens';

/**
 * Stores each demo listener's simulator tokens as a real sign-in would (the refresh token encrypted), so the
 * worker polls them and refreshes their access tokens against the simulator's accounts service like any
 * listener's.
 */
export async function signInDemoListeners(
  credentials: readonly ListenerCredentials[],
  tokens: Pick<TokenManager, 'signIn'>,
  clock: Clock,
): Promise<void> {
  const now = clock.now();
  for (const listener of credentials) {
    await tokens.signIn(listener.id, {
      accessToken: listener.accessToken,
      refreshToken: listener.refreshToken,
      expiresIn: Math.max(0, Math.floor((listener.expiresAt - now) / 1000)),
      scope: null,
      receivedAt: now,
    });
  }
}
