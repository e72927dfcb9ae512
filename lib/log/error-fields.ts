/**
 * Log fields for a caught error, flat: its message as `error` and its stack as `stack`, strings that log
 * queries can match. (An Error passed as a field value is written as `{ name, message, code, stack }` by the
 * logger itself.)
 */
export function errorFields(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error) return { error: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { error: String(error) };
}
