import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelReplies, rejectedKey } from '../llm/fake-openai-server.js';
import { ROOT } from './support/build.js';
import { screenshot } from './support/screens.js';
import {
  apiGet,
  browserTestsRun,
  noSideways,
  openApp,
  signUpAndSeed,
  startInterview,
  useBrowserStack,
} from './support/session.js';
import {
  addJobPosting,
  currentQuestion,
  saveResume,
  signUp,
  TOKEN_KEY,
  transcriptItems,
} from './support/steps.js';

// Both stories live in this one file so they run one after the other and build only once.
describe.runIf(browserTestsRun)('web UI in Chromium: the whole interview flow', () => {
  const stack = useBrowserStack();

  it('builds an index.html that loads only same-origin module scripts and CSS', () => {
    const html = readFileSync(path.join(ROOT, 'dist', 'web', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/type="module"/);
      expect(attrs).toMatch(/src="\/(?!\/)/);
      expect(body?.trim()).toBe('');
    }
    const links = [...html.matchAll(/<link\b[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.some((href) => href?.endsWith('.css'))).toBe(true);
    for (const href of links) expect(href).toMatch(/^\/(?!\/)/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it('takes a new user from sign-up to a completed interview in the list', async () => {
    const { page, pageErrors } = await openApp(stack);
    const { url } = stack.server;
    await page.setViewportSize({ width: 375, height: 800 });
    await signUp(page, { screenshotAs: 'sign-up-375' });
    expect(await noSideways(page)).toBe(true);

    // The token stays out of the URL; it lives in sessionStorage for this tab.
    expect(page.url()).toBe(`${url}/`);
    expect(await page.evaluate((k) => sessionStorage.getItem(k), TOKEN_KEY)).toBeTruthy();

    await page.setViewportSize({ width: 1280, height: 900 });
    await saveResume(page);
    // Add two postings, fix one, and pick it.
    await addJobPosting(page, 'Backend Engineer', 'Acme Ltd');
    await page.getByRole('button', { name: 'New job posting', exact: true }).click();
    await addJobPosting(page, 'Site Reliability Engineer', 'Initech');
    await page.getByRole('radio', { name: 'Backend Engineer · Acme Ltd' }).check();
    await page.getByRole('button', { name: 'Edit job posting', exact: true }).click();
    await page.getByLabel('Company', { exact: true }).fill('Acme');
    await page.getByRole('button', { name: 'Save job posting', exact: true }).click();
    const picked = page.getByRole('radio', { name: 'Backend Engineer · Acme', exact: true });
    await picked.waitFor();
    expect(await picked.isChecked()).toBe(true);

    await startInterview(page, { title: 'Backend Engineer', company: 'Acme' });

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
    await page.getByText('Your login had expired, so this did not go through.').waitFor();

    await page.getByRole('button', { name: 'Submit answer', exact: true }).click();
    await expect.poll(() => transcriptItems(page).count()).toBe(2);
    await transcriptItems(page).nth(1).getByText(answer).waitFor();
    expect(await page.getByLabel('Your answer', { exact: true }).inputValue()).toBe('');

    // Keyboard: after an answer, focus waits on Next question.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Next question',
    );
    await page.keyboard.press('Enter');
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
    expect(await noSideways(page)).toBe(true);
    await screenshot(
      page,
      'past-interviews-375',
      page.getByRole('heading', { name: 'Past interviews' }),
    );
    await screenshot(
      page,
      'completed-interview-375',
      page.getByRole('heading', { name: /^Interview:/ }),
    );

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign up', exact: true }).waitFor();
    expect(await page.evaluate((k) => sessionStorage.getItem(k), TOKEN_KEY)).toBeNull();
    expect(pageErrors).toEqual([]);
  }, 240_000);
});

describe.runIf(browserTestsRun)('web UI in Chromium: when generation fails', () => {
  const stack = useBrowserStack({ model: 'provider' });

  it('uploads a resume file, says when to retry after a 429, shows the failure in words, and succeeds on Try again', async () => {
    const { page, pageErrors } = await openApp(stack);
    const { model } = stack;
    const posting = { title: 'Data Analyst', company: 'Globex' };
    await signUpAndSeed(page, {
      email: 'grace@example.com',
      resume: { upload: 'grace-resume.txt' },
      posting,
    });
    await startInterview(page, posting);
    const question = currentQuestion(page);

    // Too many generations: the page says how long to wait.
    await page.route('**/api/v1/sessions/*/generate-question', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        headers: { 'Retry-After': '30' },
        body: JSON.stringify({
          detail: { code: 'RATE_LIMITED', message: 'You can ask for 30 questions a minute.' },
        }),
      }),
    );
    await page.getByRole('button', { name: 'Next question', exact: true }).click();
    await question
      .getByRole('alert')
      .getByText(/Wait 30 s and try again/)
      .waitFor();
    await page.unroute('**/api/v1/sessions/*/generate-question');

    // The provider rejects the key: the operation fails and its error_message is shown.
    model.replyByDefault(rejectedKey());
    await question.getByRole('button', { name: 'Try again', exact: true }).click();
    const failure = question.getByRole('alert');
    await failure.getByText('The next question could not be written.').waitFor();
    const [session] = await apiGet<{ id: string }[]>(page, '/api/v1/sessions');
    const [op] = await apiGet<{ error_message: string }[]>(
      page,
      `/api/v1/sessions/${session!.id}/operations`,
    );
    const errorMessage = op!.error_message;
    expect(errorMessage).toBeTruthy();
    expect(await failure.textContent()).toContain(errorMessage);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await noSideways(page)).toBe(true);
    await screenshot(
      page,
      'generation-failed-375',
      page.getByRole('heading', { name: /^Interview:/ }),
    );

    // Try again: progress (status and elapsed seconds) while the provider works, then the question.
    model.replyByDefault({ hold: true });
    const asked = model.requests.length;
    await failure.getByRole('button', { name: 'Try again', exact: true }).click();
    const progress = question.getByRole('status');
    await progress.getByText(/Waiting in line|Writing the question/).waitFor();
    await expect.poll(() => model.requests.length).toBeGreaterThan(asked);
    await progress.getByText('Writing the question').waitFor();
    expect(await question.locator('.elapsed').textContent()).toMatch(/^\d+ s$/);
    await screenshot(
      page,
      'generation-progress-375',
      page.getByRole('heading', { name: /^Interview:/ }),
    );
    model.answerHeld(modelReplies());
    await question.getByText('Question 1', { exact: true }).waitFor();
    expect(await question.getByRole('alert').count()).toBe(0);
    await question.getByText(/messy spreadsheet|surprising drop/).waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
