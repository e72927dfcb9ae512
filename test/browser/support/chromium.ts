import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: npm's own browser download does not work here, so playwright-core drives this one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const MISSING =
  `Chromium was not found at ${CHROMIUM_PATH}. The browser test drives Debian's Chromium: install it with ` +
  '`apt-get install chromium` (`.ci/run` does this in CI).';

/**
 * A headless Chromium with a fresh profile (launch makes a throw-away user-data-dir), quiet: no sync, updates,
 * QUIC or background requests of its own. `/dev/shm` is avoided because containers often make it tiny.
 */
export async function launchChromium(timeoutMs: number): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(MISSING);
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      timeout: timeoutMs,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  } catch (error) {
    throw new Error(
      `Chromium at ${CHROMIUM_PATH} did not start (reinstall it with \`apt-get install chromium\`): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
