/**
 * Where the HTTP layer reports what it serves. A winston logger fits as is. Never given tokens: requests are
 * logged by method, path, status and listener id only.
 */
export interface SimulatorLog {
  debug(message: string, meta?: Record<string, unknown>): unknown;
  info(message: string, meta?: Record<string, unknown>): unknown;
  warn(message: string, meta?: Record<string, unknown>): unknown;
}

export const silentLog: SimulatorLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
};
