import winston from 'winston';
import type { LogLevel } from '../config';

/**
 * Structured JSON logs (winston) on stderr, so stdout stays free for machine-readable output. Entries carry the
 * user id where there is one; fields that could hold a secret are replaced before anything is written.
 */
export type Logger = winston.Logger;

const SECRET_FIELD = /token|secret|password|authorization|cookie|session[-_]?id|^sid$|^code$/i;

/** An error code such as `ECONNREFUSED` or `HINT_INVALID`: kept, where a field named `code` is redacted. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * An Error as plain fields: winston's JSON writes an Error inside metadata as `{}`, which left failures in the
 * logs without a word of what failed.
 */
function errorAsFields(error: Error): Record<string, unknown> {
  const { code } = error as { code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' && ERROR_CODE.test(code) ? { code } : {}),
    ...(error.stack === undefined ? {} : { stack: error.stack }),
  };
}

/** Replaces secret-looking fields, at any depth, with `[redacted]`; Errors become their name, message and stack. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((entry) => redactSecrets(entry, depth + 1));
  if (value instanceof Error) return errorAsFields(value);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) ? '[redacted]' : redactSecrets(entry, depth + 1);
  }
  return out;
}

const redact = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message') continue;
    info[key] = SECRET_FIELD.test(key) ? '[redacted]' : redactSecrets(info[key]);
  }
  return info;
});

export interface LoggerOptions {
  level: LogLevel;
  /** Which process writes: `worker`, `web`, `simulator`, `demo`. */
  service: string;
  /** Where to write; default stderr. */
  stream?: NodeJS.WritableStream;
  /** Write nothing (tests). */
  silent?: boolean;
}

export function createLogger(options: LoggerOptions): Logger {
  return winston.createLogger({
    level: options.level,
    defaultMeta: { service: options.service },
    format: winston.format.combine(
      redact(),
      winston.format.timestamp(),
      winston.format.errors({ stack: true }),
      winston.format.json(),
    ),
    transports: [new winston.transports.Stream({ stream: options.stream ?? process.stderr })],
    silent: options.silent ?? false,
  });
}
