import type { GatewayMetrics } from './gateway-metrics';
import type { MusicGatewayDeps } from './gateway-deps';
import type { MusicGatewayOptions } from './gateway-options';
import type { LocalSockets } from './local-sockets';

/** What the gateway's parts (handshake and connections, calls, heartbeat) share. */
export interface GatewayContext {
  readonly deps: MusicGatewayDeps;
  readonly options: Readonly<MusicGatewayOptions>;
  readonly metrics: GatewayMetrics;
  readonly local: LocalSockets;
  /** `work`, or a StoreTimeoutError after `storeTimeoutMs`: nothing waits on Redis for long. */
  store<T>(what: string, work: Promise<T>): Promise<T>;
  /** Keeps a background task until it settles, so `close` can wait for it; a failure is logged, never thrown. */
  track(work: Promise<unknown>): void;
}
