/** What the daemon asks a listener to grant: reading their playback, and controlling it (the control routes). */
export const SPOTIFY_SCOPES: readonly string[] = Object.freeze([
  'user-read-playback-state',
  'user-modify-playback-state',
]);
