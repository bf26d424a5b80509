// What every browser test sets up: the built service on a fresh DATA_DIR, headless
// Chromium, optionally a fake model, and a signed-up user with a resume and a job posting.
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  modelReplies,
  startFakeOpenAIServer,
  type FakeOpenAIServer,
} from '../../llm/fake-openai-server.js';
import { startServer, tempDataDir, type ServerProcess } from '../../support/server-process.js';
import { CHROMIUM_PATH, chromiumAvailable, launchBrowser, type Browser } from './browser.js';
import { ensureBuilt } from './build.js';
import { collectPageErrors } from './screens.js';
import { addJobPosting, saveResume, signUp, TOKEN_KEY, uploadResume } from './steps.js';

// In CI the browser tests always run (and fail without Chromium); elsewhere they need Chromium.
export const browserTestsRun = process.env.CI === 'true' || chromiumAvailable();
if (!browserTestsRun) {
  console.warn(
    `[e2e] SKIPPED: no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install chromium) ` +
      'or set CHROMIUM_PATH to run the browser tests.',
  );
}

export interface BrowserStack {
  server: ServerProcess;
  browser: Browser;
  /** The fake model; it answers like one (`modelReplies()`) until a test says otherwise. */
  model: FakeOpenAIServer;
}

/**
 * Starts the stack before the describe block's tests and stops it after them; read its
 * fields inside the tests. `model: 'provider'` makes the service generate through the fake
 * model; otherwise the service is offline and the fake is there for a user's own settings.
 */
export function useBrowserStack(options: { model?: 'provider' | 'separate' } = {}): BrowserStack {
  const stack = {} as BrowserStack;
  let dataDir: string | undefined;
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}`);
    ensureBuilt();
    stack.model = await startFakeOpenAIServer({ replyByDefault: modelReplies() });
    dataDir = await tempDataDir();
    const provider: Record<string, string> =
      options.model === 'provider'
        ? {
            LLM_PROVIDER: 'openai',
            OPENAI_API_KEY: 'test',
            OPENAI_BASE_URL: stack.model.baseUrl,
            LLM_MODEL: 'fake-model',
          }
        : {};
    stack.server = await startServer({ DATA_DIR: dataDir, ...provider }, { built: true });
    stack.browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await stack.browser?.close();
    await stack.server?.stop();
    await stack.model?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return stack;
}

/** A new tab on the app, with the console errors it collects (expect them to stay empty). */
export async function openApp(stack: BrowserStack): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await stack.browser.context.newPage();
  const pageErrors = collectPageErrors(page);
  await page.goto(stack.server.url);
  return { page, pageErrors };
}

export interface Seed {
  email: string;
  /** Typed into the resume field, or uploaded as a text file of this name. */
  resume?: 'typed' | { upload: string };
  posting: { title: string; company: string };
}

/** Signs up on the open app, stores a resume and adds a job posting (selected). */
export async function signUpAndSeed(page: Page, seed: Seed): Promise<void> {
  await signUp(page, { email: seed.email });
  if (seed.resume === 'typed' || seed.resume === undefined) await saveResume(page);
  else await uploadResume(page, seed.resume.upload);
  await addJobPosting(page, seed.posting.title, seed.posting.company);
}

/** Starts an interview on the selected posting and waits for its heading. */
export async function startInterview(page: Page, posting: Seed['posting']): Promise<void> {
  await page.getByRole('button', { name: 'Start interview', exact: true }).click();
  await page
    .getByRole('heading', { name: `Interview: ${posting.title} · ${posting.company}` })
    .waitFor();
}

/** GET a path of the API as the user signed in on the page. */
export function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(
    async ([p, key]) => {
      const headers = { Authorization: `Bearer ${sessionStorage.getItem(key!)}` };
      return (await fetch(p!, { headers })).json();
    },
    [path, TOKEN_KEY],
  ) as Promise<T>;
}

/** Nothing wider than the viewport: no sideways scrolling on a 375 px phone. */
export const noSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
