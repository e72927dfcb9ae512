import type { SchedulerTuning } from '../scheduler';
import type { Stores } from '../store';
import type { Clock } from '../time/clock';
import { resolveRunTimeSettings, type RunTimeSettings } from '../worker/run-time-settings';
import { HttpProblem } from './http-problem';
import type { WebLog } from './web-log';

export interface BudgetGateOptions {
  /**
   * The scheduler settings from configuration, the same the workers get (`budgetPerWindow` from
   * SPOTIFY_BUDGET_PER_30S, `windowMs` from SPOTIFY_BUDGET_WINDOW_MS); the run-time tuning applies on top, as
   * in the workers. Default {} (the scheduler's defaults: 100 per 30 s).
   */
  schedulerBase: Partial<SchedulerTuning>;
  /** A ledger slot is held this much longer than the window, as in the workers. Default 1000. */
  requestSkewMarginMs: number;
}

export const DEFAULT_BUDGET_GATE_OPTIONS: Readonly<BudgetGateOptions> = Object.freeze({
  schedulerBase: {},
  requestSkewMarginMs: 1000,
});

export interface BudgetGateDeps {
  stores: Pick<Stores, 'budget' | 'cooldown' | 'tuning'>;
  clock: Clock;
  log: WebLog;
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/**
 * Lets a request of a route go to Spotify only outside the app-wide cooldown and inside the app-wide budget
 * (the ledger every worker reserves in, with the same limit and window), so a press in the web client can never
 * trip a 429 for everyone.
 */
export class BudgetGate {
  private readonly base: Readonly<RunTimeSettings>;

  constructor(
    private readonly deps: BudgetGateDeps,
    private readonly options: Readonly<BudgetGateOptions>,
  ) {
    if (!Number.isSafeInteger(options.requestSkewMarginMs) || options.requestSkewMarginMs < 0) {
      throw new RangeError(
        `Budget option \`requestSkewMarginMs\` must be an integer >= 0, got ${JSON.stringify(options.requestSkewMarginMs)}`,
      );
    }
    const base = resolveRunTimeSettings(null, options.schedulerBase);
    if (!base.ok) throw new RangeError(`Budget option \`schedulerBase\`: ${base.errors.join('; ')}`);
    this.base = base.value;
  }

  /**
   * Reserves one request. Throws a 503 `spotify_cooldown` while Spotify has the app cooling down, a 429
   * `budget_exhausted` when the window is full; both with `Retry-After`.
   */
  async admit(): Promise<void> {
    const { stores, clock } = this.deps;
    const now = clock.now();
    const { budgetPerWindow, windowMs } = (await this.settings()).scheduler;
    const heldMs = windowMs + this.options.requestSkewMarginMs;
    const reservation = await stores.budget.tryReserveOutsideCooldown(now, heldMs, budgetPerWindow);
    if (reservation.granted) return;
    if (reservation.cooldown !== null) {
      throw this.cooldownProblem(reservation.cooldown.until, reservation.cooldown.reason, now);
    }
    const seconds = secondsUntil(reservation.retryAt, now);
    throw new HttpProblem(
      429,
      'budget_exhausted',
      `the app's Spotify request budget (${budgetPerWindow} per ${windowMs / 1000} s, shared by every process) is spent; try again in ${seconds} s`,
      { retryAfterSeconds: seconds, details: { retryAt: reservation.retryAt } },
    );
  }

  /** Spotify answered 429: the whole app cools down (as a worker's 429 does); the problem to answer with. */
  async enterCooldown(retryAfterMs: number, reason: string): Promise<HttpProblem> {
    const now = this.deps.clock.now();
    const cooldown = await this.deps.stores.cooldown.enter(now + retryAfterMs, reason, now);
    return this.cooldownProblem(cooldown?.until ?? now + retryAfterMs, cooldown?.reason ?? reason, now);
  }

  private cooldownProblem(until: number, reason: string, now: number): HttpProblem {
    return new HttpProblem(
      503,
      'spotify_cooldown',
      `Spotify is rate-limiting the app (${reason}): no request may be sent before ${new Date(until).toISOString()}`,
      { retryAfterSeconds: secondsUntil(until, now), details: { reason, until } },
    );
  }

  /** The tuning in force, as the workers resolve it; a stored tuning they would ignore is ignored here too. */
  private async settings(): Promise<Readonly<RunTimeSettings>> {
    const stored = await this.deps.stores.tuning.get();
    if (stored === null) return this.base;
    const resolved = resolveRunTimeSettings(stored, this.options.schedulerBase);
    if (resolved.ok) return resolved.value;
    this.deps.log.warn('stored tuning ignored', { version: stored.version, errors: resolved.errors });
    return this.base;
  }
}
