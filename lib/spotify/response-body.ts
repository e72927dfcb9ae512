/** A response body as read off the wire, before anyone decides whether it was the body they wanted. */
export type ResponseBody =
  { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'malformed'; problem: string };

/** Empty (or whitespace only), JSON, or not JSON (the parser's complaint, never the text itself). */
export function parseResponseBody(text: string): ResponseBody {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'malformed', problem: `not JSON: ${(error as Error).message}` };
  }
}
