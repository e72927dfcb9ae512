/** The `npm start` demo's parts: the simulated world and its listeners, its simulator server, and its routes. */
export {
  createDemoWorld,
  DEFAULT_DEMO_LISTENERS,
  type DemoListener,
  type DemoWorld,
  type DemoWorldOptions,
} from './create-demo-world';
export { DEMO_ACTOR_RATES } from './demo-actor-rates';
export { DEMO_CAST, type DemoCastMember } from './demo-cast';
export {
  DEMO_COMMAND_INTENT,
  DEMO_HINT_TTL_MS,
  runDemoCommand,
  type DemoCommandDeps,
  type DemoCommandInput,
  type DemoCommandResult,
} from './demo-command';
export { viewDemoListener, type DemoListenerView } from './demo-listener-view';
export { createDemoRouter, type DemoRouterDeps } from './demo-router';
export { signInDemoListeners } from './sign-in-demo-listeners';
export { startDemoSimulator, type DemoSimulator, type DemoSimulatorOptions } from './start-demo-simulator';
export { UnknownDemoListenerError } from './unknown-demo-listener-error';
export { UnknownDemoTrackError } from './unknown-demo-track-error';
