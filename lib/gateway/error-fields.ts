/** An error as log fields (winston's JSON would write an Error in metadata as `{}`): message and stack. */
export function errorFields(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error) {
    return error.stack === undefined
      ? { error: error.message }
      : { error: error.message, stack: error.stack };
  }
  return { error: String(error) };
}
