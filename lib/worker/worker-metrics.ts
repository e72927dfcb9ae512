import { Counter, Gauge, type Registry } from 'prom-client';

/** The worker's Prometheus metrics (the publisher registers its own event counters on the same registry). */
export class WorkerMetrics {
  readonly polls: Counter<'endpoint' | 'outcome'>;
  readonly rateLimited: Counter<'reason'>;
  readonly budgetUsed: Gauge;
  readonly budgetLimit: Gauge;
  readonly usersOwned: Gauge;
  readonly inCooldown: Gauge;
  readonly allocations: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.polls = new Counter({
      name: 'spotify_polls_total',
      help: 'Requests to Spotify by endpoint and outcome (ok, no_device, rate_limited, unauthorized, reauth, upstream, timeout, malformed, rejected, budget_refused)',
      labelNames: ['endpoint', 'outcome'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'spotify_rate_limited_total',
      help: '429 answers from Spotify, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.budgetUsed = new Gauge({
      name: 'spotify_budget_used',
      help: 'Requests spent in the current budget window, all workers together',
      registers,
    });
    this.budgetLimit = new Gauge({
      name: 'spotify_budget_limit',
      help: 'Requests allowed per budget window, all workers together',
      registers,
    });
    this.usersOwned = new Gauge({
      name: 'worker_users_owned',
      help: 'Active users this worker polls',
      registers,
    });
    this.inCooldown = new Gauge({
      name: 'spotify_cooldown_active',
      help: '1 while the app-wide Spotify cooldown is in force',
      registers,
    });
    this.allocations = new Counter({
      name: 'worker_allocations_total',
      help: 'Budget allocations computed: O(users) each, on a timer and as users are polled, never per poll',
      registers,
    });
  }
}
