/**
 * Connections, Content and Settings → General in a real browser, as an OWNER uses them: add and remove
 * connections; write a draft, schedule it, archive it, delete it; filter and page through posts (kept in the
 * URL); rename the workspace; delete a second workspace after typing its name.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BrowserPage,
  describeBrowser,
  launchBrowser,
  newPerson,
  openPage,
  screenshotAllSizes,
  signUpInBrowser,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/** Longest wait for one step (an element, a navigation); the machine is shared and slow at times. */
const STEP_TIMEOUT_MS = 10_000;
/** Each test is a story of many steps and screenshots. */
const TEST_TIMEOUT_MS = 120_000;

describeBrowser('Dashboard: connections, content and general settings', () => {
  let server: RunningServer;
  let browser: Browser;
  let tab: BrowserPage;
  let workspaceId = '';
  const owner = newPerson('Omar Owner');

  /** An API call made with the tab's session, in the workspace under test. */
  const call = async (method: string, path: string, data?: unknown) => {
    const response = await tab.context.request.fetch(`${server.apiUrl}${path}`, {
      method,
      headers: { 'x-requested-with': 'socifyr', 'x-workspace-id': workspaceId },
      data,
    });
    const body = (await response.json()) as { data: unknown };
    if (!response.ok()) {
      throw new Error(`${method} ${path} answered ${response.status()}: ${JSON.stringify(body)}`);
    }
    return body.data as Record<string, unknown>;
  };
  const url = (path: string) => `${server.origin}/w/${workspaceId}${path}`;
  const openSection = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name, exact: true }).click();
  /** The post texts of the table, top to bottom. */
  const postTexts = (page: Page) => page.locator('tbody .post-text').allTextContents();
  const search = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await openPage(browser, { origin: server.origin });
    tab.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    workspaceId = await signUpInBrowser(tab.page, server.origin, owner);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'adds connections (the slug is shown first), refuses a taken one, removes one',
    async () => {
      const { page } = tab;
      await openSection(page, 'Connections');
      await page.getByText('No connections yet').waitFor();
      await screenshotAllSizes(page, 'connections-empty');

      const add = async (platform: string, handle: string, name?: string) => {
        await page.getByRole('button', { name: 'Add connection' }).click();
        const dialog = page.getByRole('dialog', { name: 'Add connection' });
        expect(await dialog.getByLabel('Platform').locator('option').count()).toBe(10);
        await dialog.getByLabel('Platform').selectOption(platform);
        await dialog.getByLabel('Handle').fill(handle);
        if (name) await dialog.getByLabel('Name (optional)').fill(name);
        return dialog;
      };

      const first = await add('linkedin', '@Brand.Co', 'Brand on LinkedIn');
      await first.getByText('Posts will name it linkedin-brand.co.').waitFor();
      await screenshotAllSizes(page, 'connections-add', { fullPage: false });
      await first.getByRole('button', { name: 'Add connection' }).click();
      await first.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /linkedin-brand\.co/ });
      await row.waitFor();
      expect(await row.locator('td[data-label="Name"]').textContent()).toBe('Brand on LinkedIn');
      expect(await row.locator('td[data-label="Platform"]').textContent()).toBe('LinkedIn');

      // The same account again: the API's 409 message, next to the form.
      tab.allow(/status of 409 .*\/api\/workspaces\/ws_[^/]+\/connections\)$/);
      const again = await add('linkedin', 'brand.co');
      await again.getByRole('button', { name: 'Add connection' }).click();
      await again.getByRole('alert').getByText('Connection "linkedin-brand.co" already exists').waitFor();
      await again.getByRole('button', { name: 'Cancel' }).click();

      const second = await add('x', 'brand');
      await second.getByRole('button', { name: 'Add connection' }).click();
      await page.getByRole('row', { name: /x-brand/ }).waitFor();
      await screenshotAllSizes(page, 'connections');

      await page.getByRole('button', { name: 'Remove connection linkedin-brand.co' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove connection?' });
      await confirm.getByText('Brand on LinkedIn').waitFor();
      await confirm.getByRole('button', { name: 'Remove connection' }).click();
      await row.waitFor({ state: 'detached' });
      const left = (await call('GET', `/workspaces/${workspaceId}/connections`)) as unknown as {
        slug: string;
      }[];
      expect(left.map((connection) => connection.slug)).toEqual(['x-brand']);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'writes a draft, schedules it in the future, archives it and deletes it',
    async () => {
      const { page } = tab;
      await openSection(page, 'Content');
      await page.getByText('No posts yet').waitFor();

      await page.getByRole('button', { name: 'New draft' }).click();
      const draft = page.getByRole('dialog', { name: 'New draft' });
      await draft.getByLabel('Text').fill('Launch day is coming');
      // The only connection is chosen already.
      expect(await draft.getByRole('checkbox', { name: /x-brand/ }).isChecked()).toBe(true);
      await screenshotAllSizes(page, 'content-new-draft', { fullPage: false });
      await draft.getByRole('button', { name: 'Save draft' }).click();
      const row = page.getByRole('row', { name: /Launch day is coming/ });
      await row.waitFor();
      expect(await row.locator('td[data-label="Status"]').textContent()).toBe('Draft');

      await page.getByRole('button', { name: 'Schedule post “Launch day is coming”' }).click();
      const schedule = page.getByRole('dialog', { name: 'Schedule post' });
      const when = schedule.getByLabel('Publish at');
      await when.fill('2020-01-01T09:00');
      await schedule.getByRole('button', { name: 'Schedule' }).click();
      await schedule.getByText('Choose a time in the future.').waitFor();
      await when.fill('2035-06-01T09:30');
      await screenshotAllSizes(page, 'content-schedule', { fullPage: false });
      await schedule.getByRole('button', { name: 'Schedule' }).click();
      await schedule.waitFor({ state: 'detached' });
      await expect.poll(() => row.locator('td[data-label="Status"] .badge').textContent()).toBe('Scheduled');
      const posts = (await call('GET', '/content')) as unknown as { results: { scheduledAt: string }[] };
      const expected = await page.evaluate(() => new Date('2035-06-01T09:30').toISOString());
      expect(posts.results[0]?.scheduledAt).toBe(expected);

      await page.getByRole('button', { name: 'Archive post “Launch day is coming”' }).click();
      await page
        .getByRole('dialog', { name: 'Archive this post?' })
        .getByRole('button', { name: 'Archive post' })
        .click();
      await expect.poll(() => row.locator('td[data-label="Status"]').textContent()).toBe('Archived');
      // Archived posts are frozen: only Delete is left.
      expect(await page.getByRole('button', { name: /^(Schedule|Archive) post “Launch/ }).count()).toBe(0);

      await page.getByRole('button', { name: 'Delete post “Launch day is coming”' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this post?' });
      await confirm.getByRole('button', { name: 'Delete post' }).click();
      await page.getByText('No posts yet').waitFor();
      expect(((await call('GET', '/content')) as { total: number }).total).toBe(0);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'filters by status and pages through posts, and a reload keeps both',
    async () => {
      const { page } = tab;
      // 12 posts, newest first: "Post 12" … "Post 01"; 12 is scheduled, 11 archived, the rest drafts.
      const ids: string[] = [];
      for (let n = 1; n <= 12; n++) {
        const post = await call('POST', '/content/text', {
          text: `Post ${String(n).padStart(2, '0')}`,
          connections: ['x-brand'],
        });
        ids.push(post.id as string);
      }
      await call('PATCH', `/content/${ids[11]}`, { scheduledAt: '2036-01-01T12:00:00.000Z' });
      await call('POST', `/content/${ids[10]}/archive`);

      await page.goto(url('/content'));
      await page.getByText('12 posts', { exact: true }).waitFor();
      await page.getByLabel('Per page').selectOption('10');
      await page.getByText('Showing 1–10 of 12 posts · page 1 of 2').waitFor();
      expect(search(page)).toEqual({ limit: '10' });
      expect(await postTexts(page)).toEqual([
        'Post 12',
        'Post 11',
        'Post 10',
        'Post 09',
        'Post 08',
        'Post 07',
        'Post 06',
        'Post 05',
        'Post 04',
        'Post 03',
      ]);
      await screenshotAllSizes(page, 'content');

      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Showing 11–12 of 12 posts · page 2 of 2').waitFor();
      expect(await postTexts(page)).toEqual(['Post 02', 'Post 01']);
      expect(search(page)).toEqual({ limit: '10', page: '2' });
      await page.reload();
      await page.getByText('Showing 11–12 of 12 posts · page 2 of 2').waitFor();
      expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Previous' }).click();
      await page.getByText('Showing 1–10 of 12 posts · page 1 of 2').waitFor();

      // A filter starts again at page 1.
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('page 2 of 2').waitFor();
      await page.getByRole('radio', { name: 'Drafts' }).check();
      await page.getByText('10 posts', { exact: true }).waitFor();
      expect(search(page)).toEqual({ limit: '10', status: 'draft' });
      expect(await page.getByRole('navigation', { name: 'Pages' }).count()).toBe(0);
      expect((await postTexts(page)).includes('Post 12')).toBe(false);

      await page.getByRole('radio', { name: 'Scheduled' }).check();
      await page.getByText('1 post', { exact: true }).waitFor();
      expect(await postTexts(page)).toEqual(['Post 12']);
      await page.getByRole('radio', { name: 'Archived' }).check();
      await page.getByText('1 post', { exact: true }).waitFor();
      expect(await postTexts(page)).toEqual(['Post 11']);
      await page.reload();
      await page.getByText('1 post', { exact: true }).waitFor();
      expect(await page.getByRole('radio', { name: 'Archived' }).isChecked()).toBe(true);
      expect(await postTexts(page)).toEqual(['Post 11']);

      // Nothing of a status: says so.
      await call('DELETE', `/content/${ids[10]}`);
      await page.reload();
      await page.getByText('No archived posts').waitFor();
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'renames the workspace, and deletes a second one after its name is typed',
    async () => {
      const { page } = tab;
      await page.goto(url('/settings/general'));
      const name = page.getByLabel('Workspace name');
      expect(await name.inputValue()).toBe("Omar Owner's workspace");
      await page.getByText('Workspace ID').waitFor();
      await screenshotAllSizes(page, 'general');

      await name.fill('Omar & Co');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByText('Saved.').waitFor();
      const switcher = page.getByRole('combobox', { name: 'Workspace' });
      await expect.poll(() => switcher.locator('option:checked').textContent()).toBe('Omar & Co (Owner)');

      // A second workspace, then delete it.
      await page.getByRole('button', { name: 'New workspace' }).click();
      const create = page.getByRole('dialog', { name: 'New workspace' });
      await create.getByLabel('Name').fill('Scratch space');
      await create.getByRole('button', { name: 'Create workspace' }).click();
      await page.waitForURL(
        (u) => u.pathname.endsWith('/settings/api-keys') && !u.pathname.includes(workspaceId),
      );
      await openSection(page, 'General');
      await page.getByRole('button', { name: 'Delete workspace…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete Scratch space?' });
      const typed = confirm.getByLabel('Type Scratch space to confirm');
      const button = confirm.getByRole('button', { name: 'Delete workspace' });
      expect(await button.isDisabled()).toBe(true);
      await typed.fill('Scratch');
      expect(await button.isDisabled()).toBe(true);
      await typed.fill('Scratch space');
      expect(await button.isEnabled()).toBe(true);
      await screenshotAllSizes(page, 'general-delete', { fullPage: false });
      await button.click();

      // Lands in the workspace that is left.
      await page.waitForURL(url('/settings/api-keys'));
      expect(await switcher.locator('option').allTextContents()).toEqual(['Omar & Co (Owner)']);
      const me = (await call('GET', '/auth/me')) as { workspaces: { name: string }[] };
      expect(me.workspaces.map((workspace) => workspace.name)).toEqual(['Omar & Co']);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );
});
