import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './build.js';

// Git-ignored; CI keeps them as artifacts of the run.
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'e2e');

/** The whole page, or the viewport with `target` scrolled to its top (as a phone shows it). */
export async function screenshot(page: Page, name: string, target?: Locator): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if (!target) return void (await page.screenshot({ path: file, fullPage: true }));
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: file });
}

/** Console errors and uncaught exceptions, which include Content-Security-Policy violations. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Failed requests the test provokes on purpose (401, 429) are logged by the browser too.
    if (/Failed to load resource/.test(msg.text())) return;
    errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
