import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/screens.js';
import { browserTestsRun, noSideways, openApp, useBrowserStack } from './support/session.js';
import { signUp, TOKEN_KEY } from './support/steps.js';

const EMAIL = 'mary@example.com';
const FIRST_PASSWORD = 'correct horse battery'; // what signUp() types
const NEW_PASSWORD = 'a much longer passphrase';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const label = (page: Page, name: string) => page.getByLabel(name, { exact: true });

async function logIn(page: Page, password: string): Promise<void> {
  const heading = page.getByRole('heading', { name: /^(Create your account|Log in)$/ });
  await heading.waitFor();
  if ((await heading.textContent()) !== 'Log in') {
    await button(page, 'I already have an account').click();
    await page.getByRole('heading', { name: 'Log in', exact: true }).waitFor();
  }
  await label(page, 'Email').fill(EMAIL);
  await label(page, 'Password').fill(password);
  await button(page, 'Log in').click();
}

async function openAccount(page: Page): Promise<void> {
  await button(page, 'Account').click();
  await page.getByRole('heading', { name: 'Your account', exact: true }).waitFor();
}

describe.runIf(browserTestsRun)('web UI in Chromium: the account page', () => {
  // Embedded mode: a local model server is allowed and SECRETS_KEY is generated.
  const stack = useBrowserStack({ model: 'separate' });

  const me = (token: string) =>
    fetch(`${stack.server.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('changes the password, exports, tries the own model, logs out everywhere and deletes the account', async () => {
    const { page, pageErrors } = await openApp(stack);
    const { model } = stack;
    await signUp(page, { email: EMAIL });
    await openAccount(page);

    // A wrong current password is said in words, next to the field.
    await label(page, 'Current password').fill('not my password');
    await label(page, 'New password').fill(NEW_PASSWORD);
    await button(page, 'Change password').click();
    await page.getByText('This is not your current password.').waitFor();
    await label(page, 'Current password').fill(FIRST_PASSWORD);
    await button(page, 'Change password').click();
    await page.getByText('Every other login (other browsers and devices) was logged out').waitFor();
    // Logged in again with the new password: the page still works.
    const afterChange = await page.evaluate((k) => sessionStorage.getItem(k), TOKEN_KEY);
    expect((await me(afterChange!)).status).toBe(200);

    await button(page, 'Log out').click();
    await logIn(page, FIRST_PASSWORD);
    await page.getByText('The email or password is incorrect.').waitFor();
    await logIn(page, NEW_PASSWORD);
    await openAccount(page);

    // Download my data: a JSON file named by the server, with the account and no hash.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button(page, 'Download my data').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^interview-practice-export-.*\.json$/);
    const exported = await readFile((await download.path())!, 'utf8');
    expect(exported).toContain(EMAIL);
    expect(exported).not.toMatch(/argon2/);
    await page.getByText(`Saved as ${download.suggestedFilename()}.`).waitFor();

    // Your model: saved with a key, shown back only as its hint, then tried once.
    await label(page, 'Base URL').fill(model.baseUrl);
    await label(page, 'Model').fill('fake-model');
    await label(page, 'API key').fill('sk-e2e-secret-abcd');
    await button(page, 'Save model settings').click();
    await page.getByText('Model settings saved.').waitFor();
    await page.getByText('A key ending in abcd is stored.').waitFor();
    expect(await label(page, 'API key').inputValue()).toBe('');
    const asked = model.requests.length;
    await button(page, 'Test model').click();
    await page.getByText(/^It works \(openai-compatible:fake-model@/).waitFor();
    expect(model.requests.length).toBe(asked + 1);

    await screenshot(page, 'account-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await noSideways(page)).toBe(true);
    await screenshot(page, 'account-375');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Log out everywhere ends another tab's login too.
    const { page: other } = await openApp(stack);
    await logIn(other, NEW_PASSWORD);
    await button(other, 'Log out').waitFor();
    const otherToken = await other.evaluate((k) => sessionStorage.getItem(k), TOKEN_KEY);
    expect((await me(otherToken!)).status).toBe(200);
    await button(page, 'Log out everywhere').click();
    await page.getByText('You were logged out everywhere').waitFor();
    expect((await me(otherToken!)).status).toBe(401);
    await other.close();

    // Delete my account: refused until DELETE is typed, then gone for good.
    await logIn(page, NEW_PASSWORD);
    await openAccount(page);
    await label(page, 'Your password').fill(NEW_PASSWORD);
    await button(page, 'Delete my account').click();
    await page.getByText('Type DELETE in capital letters to confirm.').waitFor();
    await label(page, 'Type DELETE to confirm').fill('DELETE');
    await button(page, 'Delete my account').click();
    await page.getByText('Your account and all its data were deleted.').waitFor();
    await logIn(page, NEW_PASSWORD);
    await page.getByText('The email or password is incorrect.').waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
