/**
 * The demo sign-in's session id, kept for this tab so a reload stays signed in. Accounts signed in through
 * Spotify use the session cookie instead and have none.
 */
const KEY = 'music.sessionId';

export const sessionIdStore = {
  get(): string | null {
    return sessionStorage.getItem(KEY);
  },
  set(id: string): void {
    sessionStorage.setItem(KEY, id);
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};
