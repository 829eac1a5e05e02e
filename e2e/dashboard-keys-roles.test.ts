/**
 * Settings → API Keys as different people see it: an EDITOR sees only their own keys, an OWNER sees every key
 * and which ones stopped working because their creator left; the unused filter survives a reload; workspaces
 * are created and switched from the header.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BrowserPage,
  describeBrowser,
  launchBrowser,
  openPage,
  screenshotAllSizes,
  signInInBrowser,
  workspaceIdFromUrl,
} from './support/browser.js';
import { type Owner, type RunningServer, signUpOwner, startServer } from './support/server.js';

interface Editor {
  name: string;
  email: string;
  password: string;
  userId: string;
  cookie: string;
}

describeBrowser('Dashboard: API keys by role', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Owner;
  let editor: Editor;
  const tabs: BrowserPage[] = [];

  /** A call as a signed-in person, the way the dashboard makes it. */
  const asPerson = async (cookie: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.apiUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-requested-with': 'socifyr',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { data: unknown };
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json.data as Record<string, unknown>;
  };

  const openTab = async () => {
    const tab = await openPage(browser, { origin: server.origin });
    tabs.push(tab);
    return tab;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    owner = await signUpOwner(server, 'Olivia Owner');

    // An EDITOR joins the owner's workspace by invitation and makes a key there.
    const invitation = await asPerson(owner.cookie, 'POST', `/workspaces/${owner.workspaceId}/invitations`, {
      email: `editor-${Date.now()}@example.com`,
      roleKey: 'EDITOR',
    });
    const email = invitation.email as string;
    const password = 'correct horse battery staple';
    const signup = await fetch(`${server.apiUrl}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, name: 'Eddie Editor' }),
    });
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
    const userId = ((await signup.json()) as { data: { user: { id: string } } }).data.user.id;
    await asPerson(cookie, 'POST', '/invitations/accept', { token: invitation.token });
    await asPerson(cookie, 'POST', `/workspaces/${owner.workspaceId}/api-keys`, { label: 'Editor script' });
    editor = { name: 'Eddie Editor', email, password, userId, cookie };
  });

  afterAll(async () => {
    for (const tab of tabs) tab.expectNoConsoleErrors();
    await browser?.close();
    await server?.stop();
  });

  const keysPage = () => `${server.origin}/w/${owner.workspaceId}/settings/api-keys`;

  it('an EDITOR sees only the keys they created, and may delete them', async () => {
    const tab = await openTab();
    const { page } = tab;
    await signInInBrowser(page, server.origin, editor);
    await page.goto(keysPage());
    await page.getByRole('row', { name: /Editor script/ }).waitFor();

    expect(await page.getByRole('row', { name: /e2e/ }).count()).toBe(0);
    await page.getByText('you see only the keys you created').waitFor();
    await page.getByText('1 key · only yours').waitFor();
    expect(await page.getByRole('button', { name: 'Delete key Editor script' }).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Workspace' }).inputValue()).toBe(owner.workspaceId);
    await screenshotAllSizes(page, 'api-keys-editor');
    tab.expectNoConsoleErrors();
  });

  it('an OWNER sees every key; a key whose creator left is inactive, and says why', async () => {
    const tab = await openTab();
    const { page } = tab;
    await signInInBrowser(page, server.origin, owner);
    expect(workspaceIdFromUrl(page.url())).toBe(owner.workspaceId);
    await page.getByRole('row', { name: /Editor script/ }).waitFor();
    await page.getByRole('row', { name: /e2e/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Delete key/ }).count()).toBe(2);

    await asPerson(owner.cookie, 'DELETE', `/workspaces/${owner.workspaceId}/members/${editor.userId}`);
    await page.reload();
    const row = page.getByRole('row', { name: /Editor script/ });
    await row.waitFor();
    expect(await row.locator('td[data-label="Status"]').textContent()).toBe(
      'InactiveCreator is no longer a member',
    );
    expect(await row.locator('td[data-label="Role"]').textContent()).toBe('—');
    await screenshotAllSizes(page, 'api-keys-inactive');
    tab.expectNoConsoleErrors();
  });

  it('filters keys unused for 30 days or more, and keeps the filter across a reload', async () => {
    const { page } = tabs[1]!;
    await page.getByLabel('Only keys unused for 30 days or more').check();
    await page.getByText('No key has gone unused for 30 days').waitFor();
    expect(new URL(page.url()).searchParams.get('unused')).toBe('30');
    await page.reload();
    await page.getByText('No key has gone unused for 30 days').waitFor();
    expect(await page.getByLabel('Only keys unused for 30 days or more').isChecked()).toBe(true);
    await page.getByLabel('Only keys unused for 30 days or more').uncheck();
    await page.getByRole('row', { name: /Editor script/ }).waitFor();
    tabs[1]!.expectNoConsoleErrors();
  });

  it('creates a workspace from the header and switches between workspaces', async () => {
    const { page } = tabs[1]!;
    await page.getByRole('button', { name: 'New workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workspace' });
    await dialog.getByLabel('Name').fill('Side project');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(
      (url) => url.pathname.endsWith('/settings/api-keys') && !url.pathname.includes(owner.workspaceId),
    );
    await page.getByText('No API keys yet — create one to call the API').waitFor();
    const switcher = page.getByRole('combobox', { name: 'Workspace' });
    expect(await switcher.locator('option:checked').textContent()).toBe('Side project (Owner)');

    await switcher.selectOption(owner.workspaceId);
    await page.waitForURL(keysPage());
    await page.getByRole('row', { name: /e2e/ }).waitFor();
    tabs[1]!.expectNoConsoleErrors();
  });
});
