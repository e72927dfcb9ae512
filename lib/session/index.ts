export type { SessionCredentials, SessionLookup, SessionResolver } from './session-lookup';
