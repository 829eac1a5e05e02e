/**
 * Long user text in a real browser: labels, handles and workspace names may be 100 characters without a space.
 * They wrap (or are cut with the whole text on hover) instead of widening the page, overflowing a dialog or
 * pushing a row's buttons and a dialog's close button off the screen, at 1280×800 and at 390×844; emails in
 * tables wrap at their @ rather than mid-word; the account menu says whose it is.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BrowserPage,
  describeBrowser,
  launchBrowser,
  openPage,
  screenshot,
  signUpInBrowser,
  VIEWPORTS,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/** Longest wait for one step (an element, a navigation); the machine is shared and slow at times. */
const STEP_TIMEOUT_MS = 10_000;
/** Each test is a story of many steps and screenshots. */
const TEST_TIMEOUT_MS = 120_000;

/** 100 characters without a space: the longest label, handle or workspace name the API accepts. */
const LONG_LABEL = 'k'.repeat(100);
const LONG_HANDLE = 'h'.repeat(100);
const LONG_WORKSPACE = 'W'.repeat(100);

/** How far the page reaches past the viewport sideways (0 when nothing sticks out). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** How far an element's content reaches past its own box sideways (0 when it fits). */
const contentOverflow = (locator: Locator) =>
  locator.evaluate((element) => Math.max(0, element.scrollWidth - element.clientWidth));

/** Throws unless the element is wholly inside the viewport, left to right. */
async function expectInViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  if (!box) throw new Error(`${what} is not rendered`);
  expect(box.x, `${what} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends right of the screen (${width} px)`).toBeLessThanOrEqual(width);
}

/** How many lines an element's text is laid out on. */
const lineCount = (locator: Locator) =>
  locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
    return tops.size;
  });

describeBrowser('Dashboard: long labels, handles and names', () => {
  let server: RunningServer;
  let browser: Browser;
  let tab: BrowserPage;
  let workspaceId = '';
  const grace = {
    name: 'Grace Hopper',
    email: 'grace@example.com',
    password: 'correct horse battery staple',
  };

  /** An API call made with the tab's session. */
  const call = async (method: string, path: string, data?: unknown) => {
    const response = await tab.context.request.fetch(`${server.apiUrl}${path}`, {
      method,
      headers: { 'x-requested-with': 'socifyr' },
      data,
    });
    const body = (await response.json()) as { data: unknown };
    if (!response.ok()) {
      throw new Error(`${method} ${path} answered ${response.status()}: ${JSON.stringify(body)}`);
    }
    return body.data as Record<string, unknown>;
  };
  const url = (path: string) => `${server.origin}/w/${workspaceId}${path}`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await openPage(browser, { origin: server.origin, viewport: VIEWPORTS.desktop });
    tab.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    workspaceId = await signUpInBrowser(tab.page, server.origin, grace);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'a 100-character key label wraps in the new-key dialog, the table and the delete confirmation',
    async () => {
      const { page } = tab;
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.getByRole('button', { name: 'Create key' }).click();
      const create = page.getByRole('dialog', { name: 'Create API key' });
      await create.getByLabel('Label').fill(LONG_LABEL);
      await create.getByText('100 / 100 characters').waitFor();
      await create.getByRole('button', { name: 'Create key' }).click();

      const reveal = page.getByRole('dialog', { name: 'Your new API key' });
      await reveal.getByText(/is ready/).waitFor();
      expect(await contentOverflow(reveal)).toBe(0);
      expect(await contentOverflow(reveal.locator('.dialog-body p').first())).toBe(0);
      await screenshot(page, 'long-label-new-key-desktop', { fullPage: false });
      await reveal.getByRole('button', { name: 'Done' }).click();
      await reveal.waitFor({ state: 'detached' });

      // The table: nothing sticks out, Delete stays on screen, the creator's email is not split mid-word.
      const row = page.getByRole('row', { name: new RegExp(LONG_LABEL) });
      for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
        await page.setViewportSize(viewport);
        expect(await pageOverflow(page), `page overflow at ${viewport.width} px`).toBe(0);
        await expectInViewport(page, row.getByRole('button', { name: /^Delete key/ }), 'Delete');
        const parts = row.locator('.email-part');
        expect(await parts.allTextContents()).toEqual(['grace', '@example.com']);
        for (const part of await parts.all()) expect(await lineCount(part)).toBe(1);
        await screenshot(page, `long-label-keys-${viewport.width}`);
      }

      // The confirmation names the key in full, inside the dialog, with its close button on screen.
      for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
        await page.setViewportSize(viewport);
        await row.getByRole('button', { name: /^Delete key/ }).click();
        const confirm = page.getByRole('dialog', { name: /^Delete the key/ });
        await confirm.getByText('stops working at once', { exact: false }).waitFor();
        expect(await contentOverflow(confirm)).toBe(0);
        expect(await contentOverflow(confirm.getByRole('heading'))).toBe(0);
        expect(await contentOverflow(confirm.locator('.confirm-message p').first())).toBe(0);
        await expectInViewport(page, confirm.getByRole('button', { name: 'Close' }), 'the close button');
        await expectInViewport(page, confirm.getByRole('button', { name: 'Delete key' }), 'Delete key');
        await screenshot(page, `long-label-delete-${viewport.width}`, { fullPage: false });
        await page.keyboard.press('Escape');
        await confirm.waitFor({ state: 'detached' });
      }
      await page.setViewportSize(VIEWPORTS.desktop);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a 100-character handle keeps the Connections page as wide as the screen, Remove on it',
    async () => {
      const { page } = tab;
      await call('POST', `/workspaces/${workspaceId}/connections`, {
        platform: 'x',
        handle: 'gracebrand',
        name: 'Grace Brand',
      });
      await call('POST', `/workspaces/${workspaceId}/connections`, { platform: 'x', handle: LONG_HANDLE });
      await page.goto(url('/connections'));
      const long = page.getByRole('row', { name: new RegExp(`x-${LONG_HANDLE}`) });
      await long.waitFor();
      for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
        await page.setViewportSize(viewport);
        expect(await pageOverflow(page), `page overflow at ${viewport.width} px`).toBe(0);
        for (const row of [long, page.getByRole('row', { name: /Grace Brand/ })]) {
          await expectInViewport(page, row.getByRole('button', { name: /^Remove connection/ }), 'Remove');
        }
        // A short name is not squeezed into pieces by the long one.
        expect(await lineCount(page.locator('td .cell-value', { hasText: /^Grace Brand$/ }))).toBe(1);
        await screenshot(page, `long-handle-connections-${viewport.width}`);
      }

      await long.getByRole('button', { name: /^Remove connection/ }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove connection?' });
      expect(await contentOverflow(confirm)).toBe(0);
      await expectInViewport(page, confirm.getByRole('button', { name: 'Close' }), 'the close button');
      await screenshot(page, 'long-handle-remove-390', { fullPage: false });
      await page.keyboard.press('Escape');
      await page.setViewportSize(VIEWPORTS.desktop);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a 100-character workspace name fits the switcher (whole on hover), the pages and the delete dialog',
    async () => {
      const { page } = tab;
      const created = await call('POST', '/workspaces', { name: LONG_WORKSPACE });
      await page.goto(`${server.origin}/w/${created.id as string}/settings/general`);
      const switcher = page.getByRole('combobox', { name: 'Workspace' });
      await expect.poll(() => switcher.inputValue()).toBe(created.id);
      expect(await switcher.getAttribute('title')).toBe(`${LONG_WORKSPACE} (Owner)`);
      for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
        await page.setViewportSize(viewport);
        expect(await pageOverflow(page), `page overflow at ${viewport.width} px`).toBe(0);
        await expectInViewport(page, switcher, 'the workspace switcher');
        await expectInViewport(page, page.getByRole('button', { name: 'New workspace' }), 'New workspace');
        await expectInViewport(
          page,
          page.getByRole('button', { name: /^Account menu for / }),
          'the account menu',
        );
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, `long-workspace-general-${viewport.width}`);

        await page.getByRole('button', { name: 'Delete workspace…' }).click();
        const confirm = page.getByRole('dialog', { name: `Delete ${LONG_WORKSPACE}?` });
        expect(await contentOverflow(confirm)).toBe(0);
        expect(await contentOverflow(confirm.getByRole('heading'))).toBe(0);
        await expectInViewport(page, confirm.getByRole('button', { name: 'Close' }), 'the close button');
        await screenshot(page, `long-workspace-delete-${viewport.width}`, { fullPage: false });
        await page.keyboard.press('Escape');
        await confirm.waitFor({ state: 'detached' });
      }
      await page.setViewportSize(VIEWPORTS.desktop);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the account menu button is named for its person at every width',
    async () => {
      const { page } = tab;
      await page.goto(url('/settings/api-keys'));
      for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
        await page.setViewportSize(viewport);
        const menu = page.getByRole('button', { name: 'Account menu for Grace Hopper', exact: true });
        await menu.click();
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        await page.keyboard.press('Escape');
        expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);
      }
      await page.setViewportSize(VIEWPORTS.desktop);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );
});
