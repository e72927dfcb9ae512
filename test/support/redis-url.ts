/** The Redis the test run was given (REDIS_URL, or the throw-away server of the global setup). */
export function testRedisUrl(): string {
  // eslint-disable-next-line no-restricted-syntax -- set by the global setup
  const url = process.env.REDIS_URL;
  if (!url)
    throw new Error('REDIS_URL is not set: run the tests through `npm test` (its global setup provides one)');
  return url;
}
