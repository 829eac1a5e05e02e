/**
 * Settings → API Keys in a real browser, as the public documentation tells people to use it: sign up, create a
 * key, copy it once, use it, see it used, delete it — and the plaintext is never kept by the page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BrowserPage,
  describeBrowser,
  launchBrowser,
  newPerson,
  openPage,
  screenshotAllSizes,
  signInInBrowser,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const KEY_SHAPE = /^sk_[0-9a-f]{64}$/;
const LABEL = 'CI bot';

describeBrowser('Dashboard: Settings → API Keys', () => {
  let server: RunningServer;
  let browser: Browser;
  let tab: BrowserPage;
  const person = newPerson('Ada Lovelace');
  let plaintext = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await openPage(browser, { origin: server.origin });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const useKey = (key: string) =>
    fetch(`${server.apiUrl}/content`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);

  /** Everything the page keeps where a later visitor could find it. */
  const pageTraces = async () => {
    const { page } = tab;
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    return [await page.content(), storage, page.url()].join('\n');
  };

  it('signs up and lands on Settings → API Keys, empty', async () => {
    const { page } = tab;
    await page.goto(`${server.origin}/sign-up`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Create your account' }).isVisible())
      .toBe(true);
    await screenshotAllSizes(page, 'sign-up');

    // Obvious mistakes are caught before a request, each next to its field (e2e/dashboard-forms.test.ts
    // shows the server's own messages placed the same way).
    await page.getByLabel('Name').fill(person.name);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter a whole email address, e.g. ada@example.com.').waitFor();
    await page.getByText('Use at least 10 characters: this password has 5.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/w\/ws_[^/]+\/settings\/api-keys$/);

    await page.getByRole('heading', { name: 'API Keys' }).waitFor();
    await page.getByText('No API keys yet — create one to call the API').waitFor();
    expect(await page.getByRole('combobox', { name: 'Workspace' }).inputValue()).toMatch(/^ws_/);
    await screenshotAllSizes(page, 'api-keys-empty');
    tab.expectNoConsoleErrors();
  });

  it('opens Create key with focus in the dialog, and Esc closes it and gives focus back', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API key' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('label');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Create key');
    tab.expectNoConsoleErrors();
  });

  it('creates a key with a label and shows it once, with Copy', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'Create key' }).click();
    const form = page.getByRole('dialog', { name: 'Create API key' });
    await form.getByLabel('Label').fill(LABEL);
    await form.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'Your new API key' });
    await shown.waitFor();
    await shown.getByText('It will not be shown again').waitFor();
    const field = shown.getByRole('textbox', { name: 'API key' });
    plaintext = await field.inputValue();
    expect(plaintext).toMatch(KEY_SHAPE);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    await screenshotAllSizes(page, 'api-keys-key-shown', { fullPage: false });

    await shown.getByRole('button', { name: /^Copy/ }).click();
    await shown.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(plaintext);

    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(LABEL) });
    await row.waitFor();
    expect(await row.locator('td[data-label="Key"]').textContent()).toBe(
      `${plaintext.slice(0, 7)}…${plaintext.slice(-4)}`,
    );
    expect(await row.locator('td[data-label="Last used"]').textContent()).toBe('Never');
    tab.expectNoConsoleErrors();
  });

  it('keeps the plaintext nowhere once the dialog is closed, nor after a reload', async () => {
    expect(plaintext).toMatch(KEY_SHAPE);
    expect(await pageTraces()).not.toContain(plaintext);
    await tab.page.reload();
    await tab.page.getByRole('row', { name: new RegExp(LABEL) }).waitFor();
    const traces = await pageTraces();
    expect(traces).not.toContain(plaintext);
    expect(traces).not.toContain(plaintext.slice(3, 59));
    tab.expectNoConsoleErrors();
  });

  it('the key works on /api/content, and Last used stops being "Never"', async () => {
    expect(await useKey(plaintext)).toBe(200);

    const { page } = tab;
    const lastUsed = page.getByRole('row', { name: new RegExp(LABEL) }).locator('td[data-label="Last used"]');
    // The server records use within about a second; reload until the list shows it.
    await expect
      .poll(
        async () => {
          await page.reload();
          return lastUsed.textContent();
        },
        { timeout: 15_000, interval: 500 },
      )
      .not.toBe('Never');
    expect(await lastUsed.textContent()).toMatch(/just now|minute/);
    // The exact time is on hover.
    expect(await lastUsed.locator('time').getAttribute('title')).toMatch(/\d{4}/);
    await screenshotAllSizes(page, 'api-keys-with-key');
    tab.expectNoConsoleErrors();
  });

  it('deletes the key after a confirmation that names it; the key then answers 401', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: `Delete key ${LABEL}` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete the key “${LABEL}”?` });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Delete key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('No API keys yet — create one to call the API').waitFor();

    expect(await useKey(plaintext)).toBe(401);
    tab.expectNoConsoleErrors();
  });

  it('signs out, and signing in again returns to the page it was on', async () => {
    const { page } = tab;
    const keysUrl = page.url();
    await page.getByRole('button', { name: /^Account menu for / }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshotAllSizes(page, 'sign-in');

    // A signed-out visit to a workspace page asks to sign in, then comes back to it.
    await page.goto(keysUrl);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(keysUrl);
    await page.getByText('No API keys yet — create one to call the API').waitFor();

    // And from the plain sign-in page, to the workspace.
    await page.getByRole('button', { name: /^Account menu for / }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await signInInBrowser(page, server.origin, person);
    expect(page.url()).toBe(keysUrl);
    tab.expectNoConsoleErrors();
  });
});
