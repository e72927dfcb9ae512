/**
 * The package's public surface for host applications: the event contract shared with clients, the hint
 * client the LLM route and control routes use to report what they are about to do, and library mode
 * (`MusicWebSocketService` on the host's own Socket.IO server, with the session pieces it reads).
 */
export * from './contract/events';
export * from './contract/items';
export * from './contract/protocol';
export { compareEventIds, formatEventId, parseEventId, type EventIdParts } from './contract/event-id';
export type { Hint, HintExpectation, HintInput } from './core/hint';
export type { CommandReport } from './core/command-report';
export {
  connectHintClient,
  HintClient,
  InvalidAnnouncementError,
  InvalidCommandReportError,
  InvalidHintError,
  type ConnectedHintClient,
  type ConnectHintClientOptions,
  type HintClientDeps,
} from './hints';
export {
  createRedisAdapter,
  MusicWebSocketService,
  musicServerOptions,
  OriginGuard,
  type EmitPayload,
  type MusicWebSocketServiceOptions,
} from './gateway';
export {
  createSessionStore,
  sessionMiddleware,
  StoreSessionResolver,
  type SessionLookup,
  type SessionResolver,
} from './session';
