export { ConfigError } from './config-error';
export { loadConfig, processEnv, type Config, type LogLevel } from './config';
export type { Env } from './env-reader';
