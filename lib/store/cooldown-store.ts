export interface Cooldown {
  /** ms since the epoch. */
  until: number;
  /** E.g. `rate_limited` or `QUOTA_EXCEEDED`. */
  reason: string;
}

/** The one app-wide cooldown a 429 starts: every worker stops calling Spotify until it ends. */
export interface CooldownStore {
  /** Extends the cooldown to `until` (a shorter one never cuts it short); returns the one in force at `now`. */
  enter(until: number, reason: string, now: number): Promise<Cooldown | null>;
  /** The cooldown in force at `now`, or null. */
  current(now: number): Promise<Cooldown | null>;
}
