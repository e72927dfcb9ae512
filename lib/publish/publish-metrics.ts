import { Counter, Histogram, type Registry } from 'prom-client';

/** What the publisher counts, registered on the process's registry (served on `/metrics`). */
export interface PublishMetrics {
  /** Events sent to clients, by name and source. */
  published: Counter<'event' | 'source'>;
  /** `playbackStateChanged` dropped for a newer one while the user was over the outbound limit. */
  coalesced: Counter;
  /** From the observation that saw the change (`timestamp`) to the emit, ms; includes time held by the limit. */
  latencyMs: Histogram<'event'>;
}

/** Sub-millisecond publishing up to a minute held by the outbound limit. */
const LATENCY_BUCKETS_MS = [
  1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000, 120_000,
];

/** Registers the metrics on `registry`; prom-client refuses a second registration of a name on one registry. */
export function registerPublishMetrics(registry: Registry): PublishMetrics {
  return {
    published: new Counter({
      name: 'events_published_total',
      help: 'Music events sent to listeners, by event name and source.',
      labelNames: ['event', 'source'],
      registers: [registry],
    }),
    coalesced: new Counter({
      name: 'events_coalesced_total',
      help: 'playbackStateChanged events dropped for a newer state while a listener was over the outbound limit.',
      registers: [registry],
    }),
    latencyMs: new Histogram({
      name: 'event_publish_latency_ms',
      help: 'Milliseconds from the observation that detected a change to the emit of its event.',
      labelNames: ['event'],
      buckets: LATENCY_BUCKETS_MS,
      registers: [registry],
    }),
  };
}
