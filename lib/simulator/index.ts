/** The simulated Spotify Web API and accounts service (see README.md in this folder). */
export { SimWorld } from './world';
export type { AddListenerOptions, ListenerCredentials } from './world';
export type { ApiRequest, ApiResponse } from './api-request';
export type { AppAction, AppActionKind } from './app-actions';
export { DEFAULT_ACTOR_RATES } from './actors';
export type { ActorRates, ScheduledAction } from './actors';
export type { FaultRule, LatencyDistribution } from './faults';
export type { SimulatorOptionsInput } from './schemas';
export type { TruthCause, TruthChange, TruthKind, TruthRecord } from './truth';
export type { RequestCountsSnapshot } from './request-counts';
export { createSimulatorApp, startSimulatorServer } from './http/server';
export type { RunningSimulator, SimulatorServerOptions } from './http/server';
export type { SimulatorLog } from './http/simulator-log';
export { SimulatorOptionsError } from './simulator-options-error';
export { UnknownListenerError } from './unknown-listener-error';
export { InProcessPlaybackReader, type InProcessReaderOptions } from './in-process-reader';
