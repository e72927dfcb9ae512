import { Counter, Gauge, type Registry } from 'prom-client';

/** The gateway's Prometheus metrics, on the registry the web process serves at `/metrics`. */
export class GatewayMetrics {
  readonly connections: Gauge;
  readonly subscriptions: Gauge;
  readonly replayedEvents: Counter;
  readonly resyncs: Counter;
  readonly failedAuthentications: Counter<'code'>;
  readonly refusedCalls: Counter<'call' | 'code'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.connections = new Gauge({
      name: 'music_ws_connections',
      help: 'Sockets connected to /music on this gateway',
      registers,
    });
    this.subscriptions = new Gauge({
      name: 'music_ws_subscriptions',
      help: 'Sockets on this gateway subscribed to their listener’s playback',
      registers,
    });
    this.replayedEvents = new Counter({
      name: 'music_ws_replayed_events_total',
      help: 'Missed events replayed to reconnecting sockets',
      registers,
    });
    this.resyncs = new Counter({
      name: 'music_ws_resyncs_total',
      help: 'Resyncs sent instead of a replay (the gap was past the buffer)',
      registers,
    });
    this.failedAuthentications = new Counter({
      name: 'music_ws_failed_authentications_total',
      help: 'Handshakes refused, by code (unauthenticated, session_expired, origin_not_allowed, too_many_connections, bad_request, unavailable)',
      labelNames: ['code'],
      registers,
    });
    this.refusedCalls = new Counter({
      name: 'music_ws_refused_calls_total',
      help: 'Client calls refused, by call and code (rate_limited, bad_request, unavailable)',
      labelNames: ['call', 'code'],
      registers,
    });
  }
}
