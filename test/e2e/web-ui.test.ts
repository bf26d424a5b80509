import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  launchBrowser,
  type Browser,
} from './support/browser.js';
import { collectPageErrors, screenshot } from './support/screens.js';
import { startServer, type RunningServer } from './support/server.js';
import {
  addJobPosting,
  currentQuestion,
  saveResume,
  signUp,
  TOKEN_KEY,
  transcriptItems,
} from './support/steps.js';

// In CI the browser test always runs (and fails without Chromium); elsewhere it needs Chromium.
const inCi = process.env.CI === 'true';
const runs = inCi || chromiumAvailable();
if (!runs) {
  console.warn(
    `[e2e] SKIPPED: no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install chromium) ` +
      'or set CHROMIUM_PATH to run the browser tests.',
  );
}

describe.runIf(runs)('web UI in Chromium: the whole interview flow', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!chromiumAvailable())
      throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}`);
    ensureBuilt();
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes a new user from sign-up to a completed interview in the list', async () => {
    const page = await browser.context.newPage();
    const pageErrors = collectPageErrors(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(server.url);
    await signUp(page, { screenshotAs: 'sign-up-375' });

    // The token stays out of the URL; it lives in sessionStorage for this tab.
    expect(page.url()).toBe(`${server.url}/`);
    expect(await page.evaluate((k) => sessionStorage.getItem(k), TOKEN_KEY)).toBeTruthy();

    await page.setViewportSize({ width: 1280, height: 900 });
    await saveResume(page);
    await addJobPosting(page, 'Backend Engineer', 'Acme');
    await page.getByRole('button', { name: 'Start interview', exact: true }).click();
    await page.getByRole('heading', { name: 'Interview: Backend Engineer · Acme' }).waitFor();

    const question = currentQuestion(page);
    await page.getByRole('button', { name: 'Next question', exact: true }).click();
    await question.getByText('Question 1', { exact: true }).waitFor();
    await expect.poll(() => transcriptItems(page).count()).toBe(1);

    // An expired login brings back the login form; the typed answer survives it.
    const answer = 'I would profile first, then add an index on the hot query.';
    await page.getByLabel('Your answer', { exact: true }).fill(answer);
    await page.route('**/api/v1/sessions/*/answers', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        headers: { 'WWW-Authenticate': 'Bearer' },
        body: JSON.stringify({
          detail: { code: 'UNAUTHORIZED', message: 'A valid access token is required.' },
        }),
      }),
    );
    await page.getByRole('button', { name: 'Submit answer', exact: true }).click();
    await page.getByText('Your login has expired').waitFor();
    await page.unroute('**/api/v1/sessions/*/answers');
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('ada@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('button', { name: 'Log out', exact: true }).waitFor();
    expect(await page.getByLabel('Your answer', { exact: true }).inputValue()).toBe(answer);

    await page.getByRole('button', { name: 'Submit answer', exact: true }).click();
    await expect.poll(() => transcriptItems(page).count()).toBe(2);
    await transcriptItems(page).nth(1).getByText(answer).waitFor();
    expect(await page.getByLabel('Your answer', { exact: true }).inputValue()).toBe('');

    await page.getByRole('button', { name: 'Next question', exact: true }).click();
    await question.getByText('Question 2', { exact: true }).waitFor();
    await expect.poll(() => transcriptItems(page).count()).toBe(3);
    // The question shows its type and what it targets.
    await question.locator('.badge-type').waitFor();
    await question.getByText('What it targets:').waitFor();
    await screenshot(page, 'interview-question-1280');

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Next question', exact: true }).isDisabled(),
    ).toBe(true);
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Complete interview', exact: true }).click();
    await page.getByText('This interview is complete.').waitFor();
    expect(await page.getByRole('button', { name: 'Next question', exact: true }).count()).toBe(0);

    // The interview is listed, and opening it after a reload shows its transcript.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    const past = page.getByRole('list', { name: 'Past interviews' });
    const item = past.getByRole('button', { name: /Backend Engineer · Acme/ });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Completed.*2 questions/);
    await item.click();
    await expect.poll(() => transcriptItems(page).count()).toBe(3);
    await screenshot(page, 'past-interviews-375');

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign up', exact: true }).waitFor();
    expect(await page.evaluate((k) => sessionStorage.getItem(k), TOKEN_KEY)).toBeNull();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
