/**
 * Spotify's app-wide rate limit: at most `limit` requests in any rolling window of `windowMs`, across every
 * token of the app. Past it, 429 with `Retry-After` (seconds).
 *
 * The penalty rule (Spotify's is unpublished; this one reproduces the growing penalties seen in the wild):
 * - the first refused request sets the block to end when the window frees a slot (at least 1 s away);
 * - every request made while blocked is a violation: the block is extended to at least
 *   `now + penaltyBaseMs × penaltyFactor^violations`, capped at `maxRetryAfterMs` (1 s, 2 s, 4 s, ... up to a
 *   day with the defaults, like the 86,400 s seen from Spotify);
 * - a client that waits out the block starts afresh (violations reset); refused requests never count in the
 *   window, so a client that honours `Retry-After` gets through.
 */

export interface RateLimitOptions {
  /** Requests allowed in any rolling window. Default 180. */
  limit: number;
  /** Window length in ms. Default 30000. */
  windowMs: number;
  /** First penalty step in ms. Default 1000. */
  penaltyBaseMs: number;
  /** Growth of the penalty per violation. Default 2. */
  penaltyFactor: number;
  /** Longest block in ms. Default 86400000 (a day). */
  maxRetryAfterMs: number;
  /**
   * The 429 body: `error` (`{"error":{"status":429,"message":"API rate limit exceeded"}}`), `quota` (the same
   * with `"reason":"QUOTA_EXCEEDED"`, as development-mode apps get) or `none` (an empty body). Default `error`.
   */
  body: 'error' | 'quota' | 'none';
}

export const DEFAULT_RATE_LIMIT_OPTIONS: Readonly<RateLimitOptions> = Object.freeze({
  limit: 180,
  windowMs: 30_000,
  penaltyBaseMs: 1000,
  penaltyFactor: 2,
  maxRetryAfterMs: 86_400_000,
  body: 'error',
});

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateWindowState {
  inWindow: number;
  blockedUntil: number;
  violations: number;
}

export class RateWindow {
  /** Accepted request times, oldest first, from `head` on. */
  private times: number[] = [];
  private head = 0;
  private blockedUntil = -Infinity;
  private violations = 0;

  constructor(private options: RateLimitOptions) {}

  get settings(): Readonly<RateLimitOptions> {
    return this.options;
  }

  configure(options: RateLimitOptions): void {
    this.options = options;
  }

  /** Decides one request at `at` and, when allowed, counts it. */
  check(at: number): RateDecision {
    if (at < this.blockedUntil) {
      this.violations++;
      const penalty = this.options.penaltyBaseMs * this.options.penaltyFactor ** this.violations;
      this.blockedUntil = Math.max(this.blockedUntil, at + Math.min(this.options.maxRetryAfterMs, penalty));
      return this.refuse(at);
    }
    this.violations = 0;
    this.prune(at);
    if (this.times.length - this.head < this.options.limit) {
      this.times.push(at);
      return { allowed: true };
    }
    const oldest = this.times[this.head] as number;
    this.blockedUntil = Math.max(oldest + this.options.windowMs, at + 1000);
    return this.refuse(at);
  }

  state(at: number): RateWindowState {
    this.prune(at);
    return {
      inWindow: this.times.length - this.head,
      blockedUntil: this.blockedUntil,
      violations: this.violations,
    };
  }

  /** Forgets all requests and blocks. */
  reset(): void {
    this.times = [];
    this.head = 0;
    this.blockedUntil = -Infinity;
    this.violations = 0;
  }

  private refuse(at: number): RateDecision {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((this.blockedUntil - at) / 1000)) };
  }

  private prune(at: number): void {
    const from = at - this.options.windowMs;
    while (this.head < this.times.length && (this.times[this.head] as number) <= from) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
