/**
 * The HTTP side of the web process: composable express routers, each `(deps, options) => Router`, each with its
 * own error handler (answers are `{ error: { code, message } }`). Mount them on one app beside the gateway.
 */
export { BudgetGate, DEFAULT_BUDGET_GATE_OPTIONS, type BudgetGateOptions } from './budget-gate';
export { CONTROL_ACTION_NAMES, type ControlActionName, type ControlSpotify } from './control-actions';
export {
  controlRouter,
  DEFAULT_CONTROL_ROUTER_OPTIONS,
  type ControlRouterDeps,
  type ControlRouterOptions,
} from './control-router';
export type { DeviceView } from './device-list';
export { devicesRouter, type DevicesRouterDeps, type DevicesRouterOptions } from './devices-router';
export { sendProblem, webErrorHandler } from './error-handler';
export {
  DEFAULT_HEALTH_ROUTER_OPTIONS,
  healthRouter,
  type HealthRouterDeps,
  type HealthRouterOptions,
} from './health-router';
export { HttpProblem, type ProblemBody, type WebErrorCode } from './http-problem';
export {
  DEFAULT_INTERNAL_ROUTER_OPTIONS,
  internalRouter,
  type InternalRouterDeps,
  type InternalRouterOptions,
} from './internal-router';
export { metricsRouter, type MetricsRouterDeps } from './metrics-router';
export {
  musicHealth,
  type GatewayHealthSnapshot,
  type MusicHealth,
  type MusicHealthInputs,
  type MusicHealthReasonCode,
} from './music-health';
export {
  DEFAULT_PLAYBACK_ROUTER_OPTIONS,
  playbackRouter,
  type PlaybackAnswer,
  type PlaybackRouterDeps,
  type PlaybackRouterOptions,
} from './playback-router';
export type { QueueView } from './queue-view';
export { requireSession, SESSION_ID_HEADER, sessionUserId } from './session-auth';
export {
  DEFAULT_TUNING_ROUTER_OPTIONS,
  tuningRouter,
  type TuningAnswer,
  type TuningRouterDeps,
  type TuningRouterOptions,
} from './tuning-router';
export type { WebLog } from './web-log';
