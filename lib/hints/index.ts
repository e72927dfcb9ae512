/** The hint client: what the LLM route and the control routes call around their Spotify commands. */
export { HintClient, type HintClientDeps } from './hint-client';
export {
  DEFAULT_HINT_CLIENT_OPTIONS,
  resolveHintClientOptions,
  type HintClientOptions,
} from './hint-client-options';
export { InvalidAnnouncementError } from './invalid-announcement-error';
export { InvalidCommandReportError } from './invalid-command-report-error';
export { InvalidHintError } from './invalid-hint-error';
export {
  connectHintClient,
  type ConnectedHintClient,
  type ConnectHintClientOptions,
} from './connect-hint-client';
