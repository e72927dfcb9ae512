/** The realtime gateway: `/music` on Socket.IO, its registry, limits and server options, and library mode. */
export {
  RateLimiterCallLimiter,
  type CallLimiter,
  type CallLimiterOptions,
  type CallPermit,
} from './call-limiter';
export { CALL_REFUSALS, MUSIC_CALLS, type MusicCall } from './call-refusals';
export { ConnectionRefusedError } from './connection-refused-error';
export { createSocketRegistry } from './create-socket-registry';
export type { MusicGatewayHealth } from './gateway-health';
export { gatewayClosingNotice } from './gateway-notice';
export { resolveGatewayOptions, type MusicGatewayOptions } from './gateway-options';
export { MemorySocketRegistry } from './memory-socket-registry';
export type { MusicGatewayDeps } from './gateway-deps';
export { MusicGateway } from './music-gateway';
export type { MusicServer, MusicSocketData } from './music-socket';
export {
  MusicWebSocketService,
  type EmitPayload,
  type MusicWebSocketServiceOptions,
} from './music-websocket-service';
export { OriginGuard } from './origin-guard';
export { createRedisAdapter, type RedisAdapterHandle, type RedisAdapterOptions } from './redis-adapter';
export { RedisSocketRegistry } from './redis-socket-registry';
export { MAX_HTTP_BUFFER_SIZE, musicServerOptions, type MusicServerOptionsInput } from './server-options';
export type { AddSocketResult, SocketEntry, SocketRegistry } from './socket-registry';
export { StoreTimeoutError } from './store-timeout-error';
