import { InvalidKeyPartError } from './invalid-key-part-error';
import { assertKeyPart, isValidKeyPart } from './key-part';

/** The prefix of every key and channel unless configured otherwise (the seed's `music:`). */
export const DEFAULT_KEY_PREFIX = 'music:';

/** One or more segments of A-Z a-z 0-9 . _ -, each followed by a colon: `music:`, `app:music:`. */
const PREFIX = /^(?:[A-Za-z0-9._-]+:)+$/;

/**
 * Every Redis key and pub/sub channel of the daemon, built here and nowhere else. Ids are checked by
 * `assertKeyPart`, so no id can produce another family's key. The `ws:` names are the seed's and must stay.
 */
export interface StoreKeys {
  readonly prefix: string;
  /** SET of the user's socket ids (seed). */
  wsUserSockets(userId: string): string;
  /** STRING: the user id of a socket (seed). */
  wsSocketUser(socketId: string): string;
  /** STREAM: the user's event stream, the replay buffer (seed: `ws:user:{userId}:buffer`). */
  eventStream(userId: string): string;
  /** Current connection count (seed). */
  readonly wsStatsConnections: string;
  /** Event emission stats (seed). */
  readonly wsStatsEvents: string;
  /** ZSET gateway id scored by the instant its heartbeat lapses (a lapsed gateway's sockets are swept). */
  readonly wsGateways: string;
  /** HASH socket id → user id: the sockets a gateway holds, so another gateway can sweep them if it dies. */
  wsGatewaySockets(gatewayId: string): string;
  /** Prefix of the per-user client-call counters (rate-limiter-flexible appends `:{userId}`). */
  readonly wsCallRatePrefix: string;
  /** HASH: access token, its expiry, refresh-token ciphertext, status. */
  tokens(userId: string): string;
  /** HASH {owner, expiresAt}: the single-flight token refresh. */
  refreshLock(userId: string): string;
  /** HASH hint id → hint JSON. */
  hints(userId: string): string;
  /** ZSET hint id scored by its expiry. */
  hintExpiries(userId: string): string;
  /** ZSET user id scored by the latest expiry of their hints. */
  readonly hintedUsers: string;
  /** ZSET user id scored by the instant their activity lapses. */
  readonly activeUsers: string;
  /** STRING: the engine's latest state of the user, JSON. */
  latestState(userId: string): string;
  /** STRING: the user's latest published PlaybackState, JSON (the answer to `requestPlaybackSync`). */
  playbackState(userId: string): string;
  /** ZSET worker id scored by the instant its heartbeat lapses. */
  readonly workers: string;
  /** HASH {owner, expiresAt}: which worker polls the user. */
  lease(userId: string): string;
  /** STRING JSON with a TTL: the worker's latest status for the ops page (lib/ops). */
  workerStatus(workerId: string): string;
  /** ZSET user id scored by lease expiry: the leases a worker took (entries are checked against `lease`). */
  workerLeases(workerId: string): string;
  /** ZSET of budget reservations scored by their instant. */
  readonly budget: string;
  /** Counter that makes budget reservation members unique. */
  readonly budgetSequence: string;
  /** HASH {until, reason}: the app-wide 429 cooldown. */
  readonly cooldown: string;
  /** HASH {version, values}. */
  readonly tuning: string;
  /** Pub/sub channel: a user id to poll now. */
  readonly nudgeChannel: string;
  /** Pub/sub channel: the tuning version that was just written. */
  readonly tuningChangedChannel: string;
}

export function storeKeys(prefix: string = DEFAULT_KEY_PREFIX): StoreKeys {
  if (!PREFIX.test(prefix)) {
    throw new RangeError(
      `key prefix must be segments of A-Z a-z 0-9 . _ - each ending in ':' (e.g. 'music:'), got ${JSON.stringify(prefix)}`,
    );
  }
  const user = (userId: string) => {
    assertKeyPart('userId', userId);
    return userId;
  };
  return Object.freeze({
    prefix,
    wsUserSockets: (userId: string) => `${prefix}ws:user:${user(userId)}:sockets`,
    wsSocketUser: (socketId: string) => {
      assertKeyPart('socketId', socketId);
      return `${prefix}ws:socket:${socketId}:user`;
    },
    eventStream: (userId: string) => `${prefix}ws:user:${user(userId)}:buffer`,
    wsStatsConnections: `${prefix}ws:stats:connections`,
    wsStatsEvents: `${prefix}ws:stats:events`,
    wsGateways: `${prefix}ws:gateways`,
    wsGatewaySockets: (gatewayId: string) => {
      if (!isValidKeyPart(gatewayId)) throw new InvalidKeyPartError('gatewayId', gatewayId);
      return `${prefix}ws:gateway:${gatewayId}:sockets`;
    },
    wsCallRatePrefix: `${prefix}ws:calls`,
    tokens: (userId: string) => `${prefix}tokens:${user(userId)}`,
    refreshLock: (userId: string) => `${prefix}refresh-lock:${user(userId)}`,
    hints: (userId: string) => `${prefix}hints:${user(userId)}`,
    hintExpiries: (userId: string) => `${prefix}hints:${user(userId)}:expiries`,
    hintedUsers: `${prefix}hinted-users`,
    activeUsers: `${prefix}active`,
    latestState: (userId: string) => `${prefix}state:${user(userId)}`,
    playbackState: (userId: string) => `${prefix}playback:${user(userId)}`,
    workers: `${prefix}workers`,
    lease: (userId: string) => `${prefix}lease:${user(userId)}`,
    workerStatus: (workerId: string) => {
      assertKeyPart('workerId', workerId);
      return `${prefix}worker:${workerId}:status`;
    },
    workerLeases: (workerId: string) => {
      assertKeyPart('workerId', workerId);
      return `${prefix}worker:${workerId}:leases`;
    },
    budget: `${prefix}budget`,
    budgetSequence: `${prefix}budget:seq`,
    cooldown: `${prefix}cooldown`,
    tuning: `${prefix}tuning`,
    nudgeChannel: `${prefix}nudge`,
    tuningChangedChannel: `${prefix}tuning-changed`,
  });
}
