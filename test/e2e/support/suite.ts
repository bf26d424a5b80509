import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt } from './build.js';
import { CHROMIUM_PATH, chromiumAvailable, launchBrowser, type Browser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
}

/**
 * For the describe block it is called in: the built server on a fresh DATA_DIR and a browser,
 * started before its tests and stopped after them. Read the fields inside the tests.
 */
export function serverAndBrowser(env: Record<string, string> = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}`);
    ensureBuilt();
    suite.server = await startServer(env);
    suite.browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
