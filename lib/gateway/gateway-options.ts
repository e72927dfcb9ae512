import { isValidKeyPart } from '../store/key-part';

/** How one gateway runs. Every option but `gatewayId` has a default; `resolveGatewayOptions` checks them. */
export interface MusicGatewayOptions {
  /** This gateway's name in the socket registry and the logs; unique among live gateways. Required. */
  gatewayId: string;
  /** WEBSOCKET_MUSIC_MAX_CONNECTIONS_PER_USER: sockets per user on all gateways together. Default 5. */
  maxConnectionsPerUser: number;
  /**
   * How often the gateway renews its heartbeat, sweeps dead gateways and keeps its subscribed users active.
   * Default 5000.
   */
  heartbeatIntervalMs: number;
  /**
   * A gateway silent this long is dead: its sockets are swept. A subscribed user's active entry lasts as long
   * past each heartbeat (the worker adds its own linger). Default three intervals.
   */
  heartbeatTtlMs: number;
  /** Events read per round trip of a replay. Default 500. */
  replayBatchSize: number;
  /** Longest wait for the stores in a handshake or a call; then the answer is `unavailable`. Default 3000. */
  storeTimeoutMs: number;
  /**
   * On `close`, end each client's whole connection so socket.io-client reconnects (to another gateway or this
   * one restarted) — true for the web process; false disconnects only `/music` and leaves a host's other
   * namespaces alone (library mode; the client then does not reconnect by itself). Default true.
   */
  closeTransport: boolean;
}

const DEFAULTS = {
  maxConnectionsPerUser: 5,
  heartbeatIntervalMs: 5000,
  replayBatchSize: 500,
  storeTimeoutMs: 3000,
  closeTransport: true,
};

export function resolveGatewayOptions(
  options: Partial<MusicGatewayOptions> & Pick<MusicGatewayOptions, 'gatewayId'>,
): Readonly<MusicGatewayOptions> {
  const known = new Set([...Object.keys(DEFAULTS), 'gatewayId', 'heartbeatTtlMs']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new RangeError(`Unknown gateway option \`${key}\``);
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const merged = { ...DEFAULTS, ...defined } as Omit<MusicGatewayOptions, 'heartbeatTtlMs'> &
    Partial<Pick<MusicGatewayOptions, 'heartbeatTtlMs'>>;
  const resolved: MusicGatewayOptions = {
    ...merged,
    heartbeatTtlMs: merged.heartbeatTtlMs ?? merged.heartbeatIntervalMs * 3,
  };
  if (!isValidKeyPart(resolved.gatewayId)) {
    throw new RangeError(
      `Gateway option \`gatewayId\` must be 1–128 of A-Z a-z 0-9 . _ - @ + =, got ${JSON.stringify(resolved.gatewayId)}`,
    );
  }
  for (const key of [
    'maxConnectionsPerUser',
    'heartbeatIntervalMs',
    'heartbeatTtlMs',
    'replayBatchSize',
    'storeTimeoutMs',
  ] as const) {
    if (!Number.isSafeInteger(resolved[key]) || resolved[key] < 1) {
      throw new RangeError(
        `Gateway option \`${key}\` must be an integer >= 1, got ${JSON.stringify(resolved[key])}`,
      );
    }
  }
  if (resolved.heartbeatTtlMs <= resolved.heartbeatIntervalMs) {
    throw new RangeError(
      `Gateway option \`heartbeatTtlMs\` (${resolved.heartbeatTtlMs}) must be longer than \`heartbeatIntervalMs\` (${resolved.heartbeatIntervalMs}), or a live gateway is swept between two heartbeats`,
    );
  }
  if (typeof resolved.closeTransport !== 'boolean') {
    throw new RangeError(
      `Gateway option \`closeTransport\` must be true or false, got ${JSON.stringify(resolved.closeTransport)}`,
    );
  }
  return Object.freeze(resolved);
}
