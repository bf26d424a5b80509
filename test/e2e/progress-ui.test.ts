import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedInterview, signUpByApi, type HttpApi } from './support/http-api.js';
import { screenshot } from './support/screens.js';
import { browserTestsRun, openApp, useBrowserStack } from './support/session.js';
import { currentQuestion, TOKEN_KEY, transcriptItems } from './support/steps.js';

const RESUME =
  'Ada Lovelace\nBackend engineer, 6 years.\n' +
  'Built payment APIs in TypeScript and Node.js on PostgreSQL; cut p95 latency by 40%.\n' +
  'Led a team of four; introduced code review and on-call runbooks.';
const POSTING = {
  title: 'Backend Engineer',
  company: 'Acme',
  description:
    'Requirements:\n- Design REST APIs in TypeScript\n- Tune PostgreSQL queries\n' +
    '- Mentor junior engineers\n- Run services on Kubernetes',
  tech_stack: 'TypeScript, PostgreSQL',
};
// With no history, the offline generator's first question goes to the first requirement, so
// these three interviews take "designing REST APIs in TypeScript" from absent to demonstrated.
const REQUIREMENT = 'designing REST APIs in TypeScript';
const ANSWERS = [
  'I think we usually just try our best with the services and the APIs and it mostly works out fine for everyone.',
  'I have worked with REST APIs in TypeScript a bit at my last job and I think they went well for the team most of the time.',
  'Last year I designed the REST APIs in TypeScript for our payments service: I wrote the OpenAPI contract, ' +
    'chose resource names and versioning, and built the endpoints in Node.js with Fastify. As a result, ' +
    'integration time for partners dropped from three weeks to four days and errors fell by 30%.',
];
const RETRY =
  'At my last job I tuned the PostgreSQL queries behind our order search: I read the plans with EXPLAIN ANALYZE, ' +
  'added two partial indexes and rewrote a correlated subquery. As a result the p95 fell from 900 ms to 120 ms.';

interface Progress {
  sessions: { session_id: string; overall_score: number | null }[];
  requirements: {
    text: string;
    best_status: string;
    first_status: string;
    latest_status: string;
  }[];
}
interface Message {
  id: string;
  role: string;
  content: string;
  reply_to: string | null;
  focus: { requirement: string | null } | null;
}

const button = (scope: Page | Locator, name: string) =>
  scope.getByRole('button', { name, exact: true });
const progressRegion = (page: Page) => page.getByRole('region', { name: 'Progress', exact: true });
const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile((await download.path())!);
}

describe.runIf(browserTestsRun)('web UI in Chromium: progress across interviews', () => {
  const stack = useBrowserStack();

  it('charts three interviews, shows what improved, practises the weak areas, answers again, downloads the report and deletes an interview', async () => {
    const { server } = stack;
    // Sign-up, resume, posting and interviews through the UI are covered by the other browser
    // tests: here they are made through the API, and the page starts logged in.
    const api: HttpApi = await signUpByApi(server.url, 'progress@example.com');
    await api.call('PUT', '/users/me/resume', { content: RESUME });
    const posting = await api.call<{ id: string }>('POST', '/job-postings', POSTING);
    const seeded: string[] = [];
    for (const answer of ANSWERS) seeded.push(await seedInterview(api, posting.id, [answer]));
    const progress = () => api.call<Progress>('GET', `/job-postings/${posting.id}/progress`);
    const before = await progress();
    const improved = before.requirements.find((r) => r.text === REQUIREMENT);
    expect(improved).toMatchObject({ first_status: 'absent', latest_status: 'demonstrated' });
    const scores = before.sessions.map((s) => s.overall_score);
    expect(scores.every((s) => s !== null)).toBe(true);

    const { page, pageErrors } = await openApp(stack);
    await page.evaluate(
      ([key, token]) => sessionStorage.setItem(key!, token!),
      [TOKEN_KEY, api.token],
    );
    await page.reload();
    await button(page, 'Progress').click();

    // Three points in the score chart's table, the same numbers as the API's.
    const region = progressRegion(page);
    const scoreTable = region.getByRole('table', { name: 'Overall score by interview' });
    await expect.poll(() => scoreTable.locator('tbody tr').count()).toBe(3);
    expect(await scoreTable.locator('tbody tr td:last-child').allTextContents()).toEqual(
      scores.map(String),
    );
    expect(await region.getByRole('img', { name: 'Overall score by interview' }).count()).toBe(1);
    const criteriaTable = region.getByRole('table', { name: /^Criteria by interview/ });
    expect(await criteriaTable.getByRole('columnheader').allTextContents()).toEqual([
      'Criterion',
      '#1',
      '#2',
      '#3',
    ]);
    expect(await criteriaTable.locator('tbody tr').count()).toBe(5);
    // The requirement that went from absent to demonstrated says so.
    const row = region
      .getByRole('table', { name: 'Requirements', exact: true })
      .getByRole('row', { name: new RegExp(`^${REQUIREMENT}`) });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Absent',
      'Demonstrated',
      'Demonstrated',
      'Improved',
      '3',
    ]);
    await screenshot(page, 'progress-1280', region);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await noSideways(page)).toBe(true);
    await screenshot(page, 'progress-375', region);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Practise weak areas: a new interview opens and asks its first question, on a requirement
    // no interview has shown yet.
    await button(region, 'Practise weak areas').click();
    await currentQuestion(page).getByText('Question 1', { exact: true }).waitFor();
    const sessions = await api.call<{ id: string; focus: string }[]>('GET', '/sessions');
    const practice = sessions.find((s) => !seeded.includes(s.id))!;
    expect(practice.focus).toBe('weak_areas');
    const messages = () => api.call<Message[]>('GET', `/sessions/${practice.id}/messages`);
    const [first] = await messages();
    const weak = before.requirements.filter((r) => r.best_status !== 'demonstrated');
    expect(weak.map((r) => r.text)).toContain(first!.focus?.requirement);
    expect(first!.focus?.requirement).not.toBe(REQUIREMENT);

    // Try this question again: the second attempt follows the first under its question.
    await page.getByLabel('Your answer', { exact: true }).fill(ANSWERS[1]!);
    await button(page, 'Submit answer').click();
    await expect.poll(() => transcriptItems(page).count()).toBe(2);
    await button(transcriptItems(page).nth(1), 'Try this question again').click();
    await page.getByLabel('Your new answer', { exact: true }).fill(RETRY);
    await button(page, 'Submit new answer').click();
    await expect.poll(() => transcriptItems(page).count()).toBe(3);
    await transcriptItems(page).nth(2).getByText('Attempt 2 of 2').waitFor();
    expect(await transcriptItems(page).nth(1).getByText('Attempt 1 of 2').count()).toBe(1);
    expect(await transcriptItems(page).nth(2).getByText(RETRY).count()).toBe(1);
    const answers = (await messages()).filter((m) => m.role === 'candidate');
    expect(answers.map((m) => [m.reply_to, m.content])).toEqual([
      [first!.id, ANSWERS[1]],
      [first!.id, RETRY],
    ]);
    // Each attempt has its own feedback; the screenshots wait for the second one's.
    await transcriptItems(page)
      .nth(2)
      .getByText(/^\d+ \/ 100$|^Not scored$/)
      .waitFor();
    const transcript = page.getByRole('list', { name: 'Transcript', exact: true });
    await screenshot(page, 'answer-again-1280', transcript);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await noSideways(page)).toBe(true);
    await screenshot(page, 'answer-again-375', transcript);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Past the attempts a question takes, the refusal is said in words.
    for (let n = 3; n <= 5; n += 1) {
      await api.call('POST', `/sessions/${practice.id}/answers`, {
        content: `${RETRY} Attempt ${n}.`,
        question_message_id: first!.id,
      });
    }
    await button(transcriptItems(page).nth(2), 'Try this question again').click();
    await page.getByLabel('Your new answer', { exact: true }).fill(RETRY);
    await button(page, 'Submit new answer').click();
    await transcript
      .getByRole('alert')
      .getByText(/answered 5 times/)
      .waitFor();

    // A completed interview's report downloads as Markdown and as a PDF.
    await button(page, 'Progress').click();
    await button(progressRegion(page), 'Open interview #3').click();
    const report = page.getByRole('region', { name: 'Interview report', exact: true });
    await report.getByRole('table', { name: 'Requirements', exact: true }).waitFor();
    const [question] = await api.call<Message[]>('GET', `/sessions/${seeded[2]}/messages`);
    const markdown = await downloaded(page, () => button(report, 'Download Markdown').click());
    expect(markdown.toString('utf8')).toContain(question!.content);
    const pdf = await downloaded(page, () => button(report, 'Download PDF').click());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'report-downloads-1280', report);

    // Delete interview, confirmed: gone from the list, from the API and from the progress page.
    const past = page.getByRole('list', { name: 'Past interviews' }).getByRole('listitem');
    expect(await past.count()).toBe(4);
    await button(page, 'Delete interview').click();
    await button(page, 'Yes, delete it').click();
    await page.getByRole('status').getByText('The interview was deleted.').waitFor();
    expect(await past.count()).toBe(3);
    const left = (await api.call<{ id: string }[]>('GET', '/sessions')).map((s) => s.id);
    expect(left).not.toContain(seeded[2]);
    expect(left).toHaveLength(3);
    await button(page, 'Progress').click();
    // Two scored interviews and the practice one, which has no report yet: missing, not 0.
    await expect.poll(() => scoreTable.locator('tbody tr').count()).toBe(3);
    expect(await scoreTable.locator('tbody tr td:last-child').allTextContents()).toEqual([
      String(scores[0]),
      String(scores[1]),
      'not scored yet',
    ]);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
