/** The listener's Spotify grant is gone (revoked, expired, or never given): they must sign in again. */
export class ReauthRequiredError extends Error {
  readonly code = 'REAUTH_REQUIRED';

  constructor(readonly userId: string) {
    super(`user ${userId} must sign in to Spotify again`);
    this.name = 'ReauthRequiredError';
  }
}
