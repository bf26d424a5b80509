import type { Locator, Page } from 'playwright-core';
import { screenshot } from './screens.js';

// Steps through the UI by role and accessible name, so the names themselves are under test.

export const TOKEN_KEY = 'interview-practice.token';

export const currentQuestion = (page: Page): Locator =>
  page.getByRole('region', { name: 'Current question', exact: true });

export const transcriptItems = (page: Page): Locator =>
  page.getByRole('list', { name: 'Transcript', exact: true }).getByRole('listitem');

export async function signUp(
  page: Page,
  { email = 'ada@example.com', screenshotAs }: { email?: string; screenshotAs?: string } = {},
): Promise<void> {
  await page.getByLabel('Full name', { exact: true }).fill('Ada Lovelace');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  if (screenshotAs) await screenshot(page, screenshotAs);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.getByRole('button', { name: 'Log out', exact: true }).waitFor();
}

export async function saveResume(page: Page): Promise<void> {
  await page
    .getByLabel('Resume', { exact: true })
    .fill(
      'Ada Lovelace\nBackend engineer, 6 years.\n' +
        'Built payment APIs in TypeScript and Node.js on PostgreSQL; cut p95 latency by 40%.\n' +
        'Led a team of four; introduced code review and on-call runbooks.',
    );
  await page.getByRole('button', { name: 'Save resume', exact: true }).click();
  await page.getByText(/^Saved at /).waitFor();
}

export async function addJobPosting(page: Page, title: string, company: string): Promise<void> {
  await page.getByLabel('Job title', { exact: true }).fill(title);
  await page.getByLabel('Company', { exact: true }).fill(company);
  await page
    .getByLabel('Job description', { exact: true })
    .fill(
      'We need a backend engineer to design REST APIs in TypeScript, ' +
        'own PostgreSQL performance and mentor junior engineers.',
    );
  await page.getByRole('button', { name: 'Add job posting', exact: true }).click();
  await page.getByRole('radio', { name: `${title} · ${company}` }).waitFor();
}

export async function uploadResume(page: Page, name = 'resume.txt'): Promise<void> {
  await page.getByLabel('Or upload a file (PDF, DOCX or TXT)', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'Grace Hopper\nData analyst, 4 years.\n' +
        'Built weekly sales dashboards in SQL and Python; found a pricing error worth 2% of revenue.\n',
    ),
  });
  await page.getByText(`Saved from ${name} at `).waitFor();
}
