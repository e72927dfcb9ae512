/**
 * Reads a session's record as the web app's store keeps it (express-session's JSON: a `cookie` object and the
 * app's fields), or null when the store has none. Expired records may still come back: deciding is the
 * resolver's job, so it can tell "expired" from "unknown".
 */
export interface SessionReader {
  readSession(sid: string): Promise<unknown>;
}
