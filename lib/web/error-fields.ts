/**
 * Log fields for a caught error. winston's JSON format writes an Error inside the metadata as `{}`, so the
 * message and stack go in as strings.
 */
export function errorFields(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error) return { error: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { error: String(error) };
}
