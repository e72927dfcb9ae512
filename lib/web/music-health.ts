import type { Cooldown } from '../store';

/** What the gateway reports about itself for `/health/music` (the gateway provides it). */
export interface GatewayHealthSnapshot {
  /** False when WEBSOCKET_MUSIC_ENABLED=false left `/music` unmounted. */
  enabled: boolean;
  /** Sockets connected to `/music` on this process. */
  connections: number;
  /** Of those, the ones subscribed to playback. */
  subscriptions: number;
}

/** What `/health/music` looked at; null where the source did not answer. */
export interface MusicHealthInputs {
  gateway: GatewayHealthSnapshot | null;
  redis: 'up' | 'down' | 'not_used';
  /** The app-wide Spotify cooldown in force; undefined when it could not be read. */
  cooldown: Cooldown | null | undefined;
  /** Workers with a live heartbeat; null when they could not be read. */
  liveWorkers: number | null;
  minLiveWorkers: number;
  uptimeSeconds: number;
}

export type MusicHealthReasonCode =
  'gateway_unavailable' | 'redis_unreachable' | 'stores_unreadable' | 'spotify_cooldown' | 'no_live_workers';

export interface MusicHealth {
  /** `degraded` whenever a reason is listed; else `disabled` when `/music` is off; else `healthy`. */
  status: 'healthy' | 'degraded' | 'disabled';
  /** Why the status is not `healthy` (a disabled gateway is not a reason: it is configuration). */
  reasons: { code: MusicHealthReasonCode; message: string }[];
  enabled: boolean;
  connections: number;
  subscriptions: number;
  redis: 'up' | 'down' | 'not_used';
  cooldown: Cooldown | null;
  liveWorkers: number | null;
  uptime: number;
}

/** The seed's `/health/music` answer (2.3) with the degraded states. Pure. */
export function musicHealth(inputs: MusicHealthInputs): MusicHealth {
  const { gateway, redis, cooldown, liveWorkers, minLiveWorkers } = inputs;
  const reasons: MusicHealth['reasons'] = [];
  if (gateway === null) {
    reasons.push({ code: 'gateway_unavailable', message: 'the Socket.IO gateway did not report its state' });
  }
  if (redis === 'down') reasons.push({ code: 'redis_unreachable', message: 'Redis does not answer PING' });
  else if (cooldown === undefined || liveWorkers === null) {
    reasons.push({ code: 'stores_unreadable', message: 'the cooldown or the worker set could not be read' });
  }
  if (cooldown) {
    reasons.push({
      code: 'spotify_cooldown',
      message: `Spotify is rate-limiting the app (${cooldown.reason}) until ${new Date(cooldown.until).toISOString()}: no events until then`,
    });
  }
  if (liveWorkers !== null && liveWorkers < minLiveWorkers) {
    reasons.push({
      code: 'no_live_workers',
      message: `${liveWorkers} worker(s) alive, ${minLiveWorkers} needed: nobody polls Spotify, no events arrive`,
    });
  }
  const enabled = gateway?.enabled ?? true;
  return {
    status: reasons.length > 0 ? 'degraded' : enabled ? 'healthy' : 'disabled',
    reasons,
    enabled,
    connections: gateway?.connections ?? 0,
    subscriptions: gateway?.subscriptions ?? 0,
    redis,
    cooldown: cooldown ?? null,
    liveWorkers,
    uptime: inputs.uptimeSeconds,
  };
}
