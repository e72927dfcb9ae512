/**
 * What the simulated service was asked, for budgets and benchmarks: requests per endpoint, per status, per
 * listener and endpoint, the 429s served (with their `Retry-After`), and the accounts service's calls.
 * `status` is the HTTP status, or `hang` / `reset` for a connection that got none.
 */

export interface RateLimitedResponse {
  at: number;
  retryAfterSeconds: number;
  listenerId: string | null;
}

export interface RequestCountsSnapshot {
  total: number;
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
  byListener: Record<string, Record<string, number>>;
  rateLimited: RateLimitedResponse[];
  accounts: Record<string, number>;
}

export class RequestCounts {
  private total = 0;
  private byEndpoint = new Map<string, number>();
  private byStatus = new Map<string, number>();
  private byListener = new Map<string, Map<string, number>>();
  private rateLimited: RateLimitedResponse[] = [];
  private accounts = new Map<string, number>();

  /** One Web API request to `endpoint` (e.g. `GET /v1/me/player`). */
  record(endpoint: string, status: number | 'hang' | 'reset', listenerId: string | null): void {
    this.total++;
    increment(this.byEndpoint, endpoint);
    increment(this.byStatus, String(status));
    if (listenerId !== null) {
      let perEndpoint = this.byListener.get(listenerId);
      if (!perEndpoint) this.byListener.set(listenerId, (perEndpoint = new Map()));
      increment(perEndpoint, endpoint);
    }
  }

  recordRateLimited(response: RateLimitedResponse): void {
    this.rateLimited.push(response);
  }

  /** One accounts-service request, e.g. `POST /api/token 200`. */
  recordAccounts(key: string): void {
    increment(this.accounts, key);
  }

  snapshot(): RequestCountsSnapshot {
    return {
      total: this.total,
      byEndpoint: Object.fromEntries(this.byEndpoint),
      byStatus: Object.fromEntries(this.byStatus),
      byListener: Object.fromEntries(
        [...this.byListener].map(([id, counts]) => [id, Object.fromEntries(counts)]),
      ),
      rateLimited: [...this.rateLimited],
      accounts: Object.fromEntries(this.accounts),
    };
  }

  reset(): void {
    this.total = 0;
    this.byEndpoint = new Map();
    this.byStatus = new Map();
    this.byListener = new Map();
    this.rateLimited = [];
    this.accounts = new Map();
  }
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
