import type { Random } from '../random/random';

/**
 * Faults on demand. Rules are matched against each request in order; every matching `latency` rule adds its
 * delay, and the first matching failure rule (`status`, `hang`, `reset`, `malformed`) decides the response. A
 * rule with `count` applies that many times and is then dropped; `probability` (default 1) makes it apply to
 * a share of the matching requests. A request that fails this way never reaches the player (no state change),
 * except `malformed`, which only matches GET requests and garbles the body of a normal answer. The accounts
 * outage makes `/authorize` and `/api/token` answer 503 until it is switched off.
 */

export type LatencyDistribution =
  | { type: 'fixed'; ms: number }
  | { type: 'uniform'; minMs: number; maxMs: number }
  /** Exponential with mean `meanMs`, cut at `maxMs` (default 10 × the mean): a long tail. */
  | { type: 'exponential'; meanMs: number; maxMs?: number };

export interface FaultMatch {
  /** HTTP method, e.g. `GET`. Default any. */
  method?: string;
  /** A path, or a prefix ending in `*` (e.g. `/v1/me/player*`). Default `/v1/*`: every Web API request. */
  path?: string;
  /** Only requests with this listener's token. Default any. */
  listenerId?: string;
}

interface RuleCommon {
  match?: FaultMatch;
  /** Applies this many times, then is dropped. Default unlimited. */
  count?: number;
  /** Share of the matching requests it applies to. Default 1. */
  probability?: number;
}

export type FaultRule = RuleCommon &
  (
    | { kind: 'latency'; latency: LatencyDistribution }
    /** Answer this 5xx (Spotify's JSON error body) instead. */
    | { kind: 'status'; status: number }
    /** Never answer (the client times out). */
    | { kind: 'hang' }
    /** Destroy the connection without an answer. */
    | { kind: 'reset' }
    /** Answer 200 with the JSON body cut in half. */
    | { kind: 'malformed' }
  );

export type FaultFailure =
  { kind: 'status'; status: number } | { kind: 'hang' } | { kind: 'reset' } | { kind: 'malformed' };

export interface FaultDecision {
  latencyMs: number;
  failure: FaultFailure | null;
}

export interface FaultTarget {
  method: string;
  path: string;
  listenerId: string | null;
}

export const NO_FAULT: FaultDecision = Object.freeze({ latencyMs: 0, failure: null });

export class FaultPlan {
  private rules: { rule: FaultRule; remaining: number }[] = [];
  accountsOutage = false;

  constructor(private readonly random: Random) {}

  get active(): FaultRule[] {
    return this.rules.map(({ rule, remaining }) =>
      Number.isFinite(remaining) ? { ...rule, count: remaining } : rule,
    );
  }

  /** Replaces the rules. */
  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, remaining: rule.count ?? Infinity }));
  }

  add(rules: readonly FaultRule[]): void {
    this.set([...this.active, ...rules]);
  }

  clear(): void {
    this.rules = [];
    this.accountsOutage = false;
  }

  decide(target: FaultTarget): FaultDecision {
    if (this.rules.length === 0) return NO_FAULT;
    let latencyMs = 0;
    let failure: FaultFailure | null = null;
    for (const entry of this.rules) {
      const { rule } = entry;
      if (!matches(rule, target)) continue;
      if (rule.kind !== 'latency' && failure) continue;
      if (rule.probability !== undefined && !this.random.chance(rule.probability)) continue;
      entry.remaining--;
      if (rule.kind === 'latency') latencyMs += this.latency(rule.latency);
      else failure = rule.kind === 'status' ? { kind: 'status', status: rule.status } : { kind: rule.kind };
    }
    this.rules = this.rules.filter((entry) => entry.remaining > 0);
    return { latencyMs, failure };
  }

  private latency(distribution: LatencyDistribution): number {
    switch (distribution.type) {
      case 'fixed':
        return distribution.ms;
      case 'uniform':
        return Math.round(this.random.between(distribution.minMs, distribution.maxMs));
      case 'exponential':
        return Math.round(
          Math.min(
            distribution.maxMs ?? distribution.meanMs * 10,
            this.random.exponential(distribution.meanMs),
          ),
        );
    }
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  const match = rule.match ?? {};
  if (match.method !== undefined && match.method.toUpperCase() !== target.method) return false;
  if (match.listenerId !== undefined && match.listenerId !== target.listenerId) return false;
  if (rule.kind === 'malformed' && target.method !== 'GET') return false;
  const path = match.path ?? '/v1/*';
  return path.endsWith('*') ? target.path.startsWith(path.slice(0, -1)) : target.path === path;
}
