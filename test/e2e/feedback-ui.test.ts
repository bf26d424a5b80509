import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { modelReplies, rejectedKey } from '../llm/fake-openai-server.js';
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
import { currentQuestion, transcriptItems } from './support/steps.js';

const POSTING = { title: 'Backend Engineer', company: 'Acme' };

const STRONG_ANSWER =
  'When our payment API slowed down last spring, I was asked to fix checkout latency before the sale. ' +
  'I profiled the PostgreSQL queries with EXPLAIN ANALYZE, found a missing index on the orders table and added it, ' +
  'then I wrote an on-call runbook in TypeScript docs for the team. ' +
  'As a result p95 latency dropped from 900 ms to 300 ms and checkout errors fell by 40%.';

const feedbackRegion = (page: Page): Locator =>
  page.getByRole('region', { name: 'Answer feedback', exact: true });

async function sessionId(page: Page): Promise<string> {
  return (await apiGet<{ id: string }[]>(page, '/api/v1/sessions'))[0]!.id;
}

/** Asks for question `n` and answers it. */
async function answer(page: Page, text: string, n: number): Promise<void> {
  const turns = 2 * n;
  await page.getByRole('button', { name: 'Next question', exact: true }).click();
  await currentQuestion(page).getByText(`Question ${n}`, { exact: true }).waitFor();
  await expect.poll(() => transcriptItems(page).count()).toBe(turns - 1);
  await page.getByLabel('Your answer', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Submit answer', exact: true }).click();
  await expect.poll(() => transcriptItems(page).count()).toBe(turns);
}

/** Every <mark> in the region is a piece of the answer; returns how many there are. */
async function marksWithin(region: Locator, text: string): Promise<number> {
  const marks = await region.locator('mark').allTextContents();
  for (const mark of marks) expect(text).toContain(mark);
  return marks.length;
}

describe.runIf(browserTestsRun)('web UI in Chromium: feedback on answers and the report', () => {
  const stack = useBrowserStack();

  it('scores a real answer with its quotes marked, never scores "I don\'t know", and keeps feedback for the end when asked', async () => {
    const { page, pageErrors } = await openApp(stack);
    await signUpAndSeed(page, { email: 'lin@example.com', posting: POSTING });
    await startInterview(page, POSTING);
    const preference = page.getByRole('checkbox', { name: 'Show feedback after each answer' });
    expect(await preference.isChecked()).toBe(true);

    // A substantive answer: a score out of 100 and its quoted words marked in the answer.
    await answer(page, STRONG_ANSWER, 1);
    const region = feedbackRegion(page);
    await region.locator('.score').waitFor();
    const id = await sessionId(page);
    const [stored] = await apiGet<{ score: number | null }[]>(
      page,
      `/api/v1/sessions/${id}/feedback`,
    );
    expect(stored?.score).not.toBeNull();
    expect(await region.locator('.score').textContent()).toBe(String(stored!.score));
    expect(await marksWithin(region, STRONG_ANSWER)).toBeGreaterThan(0);
    await region.getByText('Relevance:').waitFor();
    expect(await region.locator('.criterion').count()).toBe(5);
    await screenshot(page, 'answer-feedback-1280', region);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await noSideways(page)).toBe(true);
    await screenshot(page, 'answer-feedback-375', region);
    await page.setViewportSize({ width: 1280, height: 900 });

    // "I don't know": not scored, the reason said, and no number anywhere in the feedback.
    await answer(page, "I don't know", 2);
    await region.getByText('Not scored', { exact: true }).waitFor();
    expect(await region.locator('.score').count()).toBe(0);
    expect(await region.textContent()).not.toMatch(/\/\s*100/);
    const summary = (await region.locator('.feedback-summary').textContent())?.trim();
    expect(summary).toBeTruthy();
    expect(await marksWithin(region, "I don't know")).toBe(0);

    // Only at the end: no feedback during the interview, even once it is ready.
    await preference.uncheck();
    expect(await feedbackRegion(page).count()).toBe(0);
    await answer(page, STRONG_ANSWER.replace('spring', 'autumn'), 3);
    await expect
      .poll(async () => (await apiGet<unknown[]>(page, `/api/v1/sessions/${id}/feedback`)).length)
      .toBe(3);
    expect(await feedbackRegion(page).count()).toBe(0);
    expect(
      await page.evaluate(() => localStorage.getItem('interview-practice.show-feedback')),
    ).toBe('end');

    // Completing shows the report, with every requirement in its table, and every answer's feedback.
    await page.getByRole('button', { name: 'Complete interview', exact: true }).click();
    const report = page.getByRole('region', { name: 'Interview report', exact: true });
    const table = report.getByRole('table', { name: 'Requirements', exact: true });
    await table.waitFor();
    const stored2 = await apiGet<{
      overall_score: number | null;
      requirements: { text: string }[];
    }>(page, `/api/v1/sessions/${id}/report`);
    expect(stored2.overall_score).not.toBeNull();
    expect(await report.locator('.score').textContent()).toBe(String(stored2.overall_score));
    expect(await table.locator('tbody tr').count()).toBe(stored2.requirements.length);
    expect(await page.getByRole('article', { name: /^Feedback on answer \d$/ }).count()).toBe(3);
    await screenshot(page, 'interview-report-1280', report);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await noSideways(page)).toBe(true);
    await screenshot(page, 'interview-report-375', report);

    // A completed interview opened again shows its stored report.
    await page.reload();
    await page
      .getByRole('list', { name: 'Past interviews' })
      .getByRole('button', { name: /Backend Engineer · Acme/ })
      .click();
    await report.getByRole('table', { name: 'Requirements', exact: true }).waitFor();
    expect(await report.locator('.score').textContent()).toBe(String(stored2.overall_score));
    expect(pageErrors).toEqual([]);
  }, 240_000);
});

describe.runIf(browserTestsRun)('web UI in Chromium: when an evaluation fails', () => {
  const stack = useBrowserStack({ model: 'provider' });

  it('says the evaluation failed in the operation\'s words, keeps the answer, and "Try again" recovers', async () => {
    const { page, pageErrors } = await openApp(stack);
    const { model } = stack;
    await signUpAndSeed(page, { email: 'mo@example.com', posting: POSTING });
    await startInterview(page, POSTING);

    await page.getByRole('button', { name: 'Next question', exact: true }).click();
    await currentQuestion(page).getByText('Question 1', { exact: true }).waitFor();
    model.replyByDefault(rejectedKey());
    await page.getByLabel('Your answer', { exact: true }).fill(STRONG_ANSWER);
    await page.getByRole('button', { name: 'Submit answer', exact: true }).click();

    const region = feedbackRegion(page);
    const failure = region.getByRole('alert');
    await failure.getByText('Your answer could not be evaluated.').waitFor();
    const id = await sessionId(page);
    const ops = await apiGet<{ operation_type: string; error_message: string | null }[]>(
      page,
      `/api/v1/sessions/${id}/operations`,
    );
    const failed = ops.find((op) => op.operation_type === 'answer_feedback');
    expect(failed?.error_message).toBeTruthy();
    expect(await failure.textContent()).toContain(failed!.error_message);
    expect(await region.locator('.score').count()).toBe(0);
    await transcriptItems(page).nth(1).getByText(STRONG_ANSWER).waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await noSideways(page)).toBe(true);
    await screenshot(page, 'answer-feedback-failed-375', region);

    // Try again: progress while the model works, then the feedback.
    model.replyByDefault({ hold: true });
    const asked = model.requests.length;
    await failure.getByRole('button', { name: 'Try again', exact: true }).click();
    await region
      .getByRole('status')
      .getByText(/Waiting in line|Reading your answer/)
      .waitFor();
    await expect.poll(() => model.requests.length).toBeGreaterThan(asked);
    // A reload while it runs picks the evaluation up again.
    await page.reload();
    await page
      .getByRole('list', { name: 'Past interviews' })
      .getByRole('button', { name: /Backend Engineer · Acme/ })
      .click();
    await region.getByRole('status').getByText('Reading your answer').waitFor();
    const answers = modelReplies();
    model.replyByDefault(answers);
    model.answerHeld(answers);
    await region.locator('.score').waitFor();
    expect(await region.getByRole('alert').count()).toBe(0);
    const firstSentence = STRONG_ANSWER.slice(0, STRONG_ANSWER.indexOf('.') + 1);
    expect(await region.locator('mark').allTextContents()).toEqual([firstSentence]);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
