/** What a gateway says about itself (the web process's `/health/music` builds on it). */
export interface MusicGatewayHealth {
  status: 'ok' | 'degraded' | 'stopping';
  gatewayId: string;
  /** Whether Redis answers a PING now; `not_used` for the in-memory stores. */
  redis: 'up' | 'down' | 'not_used';
  /** Sockets connected to `/music` here. */
  connections: number;
  /** Of those, the ones subscribed to their listener's playback. */
  subscriptions: number;
  /** The last heartbeat that reached the shared stores, ms since the epoch; null before the first. */
  lastHeartbeatAt: number | null;
  uptimeSeconds: number;
  /** Why the status is not `ok`. */
  problems: string[];
}
