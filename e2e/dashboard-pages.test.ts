/**
 * Members and invitations in a real browser: an OWNER invites a CONTRIBUTOR, who opens the link signed out,
 * signs up through it and lands in the workspace; roles are changed (the last OWNER is kept); the CONTRIBUTOR is
 * offered nothing their role cannot do, on any page, and may leave. Broken invitation links say why.
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

describeBrowser('Dashboard: members, invitations and what a CONTRIBUTOR sees', () => {
  let server: RunningServer;
  let browser: Browser;
  let ownerTab: BrowserPage;
  let contributorTab: BrowserPage;
  let workspaceId = '';
  let invitationLink = '';
  const owner = newPerson('Olivia Owner');
  // newPerson(name) can repeat an email within one millisecond, so this one gets its own.
  const contributor = { ...newPerson('Cora Contributor'), email: `cora-${Date.now()}@example.com` };
  const workspaceName = "Olivia Owner's workspace";

  /** An API call made with a tab's session, the way the dashboard makes it. */
  const call = async (tab: BrowserPage, method: string, path: string, data?: unknown) => {
    const response = await tab.context.request.fetch(`${server.apiUrl}${path}`, {
      method,
      // Content routes have no workspace in their path: they act in the one this header names.
      headers: { 'x-requested-with': 'socifyr', 'x-workspace-id': workspaceId },
      data,
    });
    const body = (await response.json()) as { data: unknown };
    if (!response.ok())
      throw new Error(`${method} ${path} answered ${response.status()}: ${JSON.stringify(body)}`);
    return body.data as Record<string, string>;
  };
  /** Follows a link of the workspace navigation. */
  const openSection = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name, exact: true }).click();
  const url = (path: string) => `${server.origin}/w/${workspaceId}${path}`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ownerTab = await openPage(browser, { origin: server.origin });
    contributorTab = await openPage(browser, { origin: server.origin });
    // A step that cannot happen fails with what it waited for, well before the test's own time limit.
    for (const tab of [ownerTab, contributorTab]) tab.page.setDefaultTimeout(STEP_TIMEOUT_MS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'an OWNER invites by email and role, copies the link once, and cancels an invitation',
    async () => {
      const { page } = ownerTab;
      workspaceId = await signUpInBrowser(page, server.origin, owner);
      await openSection(page, 'Members');
      await page.waitForURL(url('/settings/members'));
      await page.getByRole('row', { name: /Olivia Owner \(you\)/ }).waitFor();
      await page.getByText('No pending invitations').waitFor();

      await page.getByRole('button', { name: 'Invite member' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite a member' });
      // An invitation cannot grant OWNER.
      expect(await dialog.getByLabel('Role').locator('option').allTextContents()).toEqual([
        'Admin',
        'Editor',
        'Contributor',
      ]);
      await dialog.getByLabel('Email').fill(contributor.email);
      await dialog.getByLabel('Role').selectOption('CONTRIBUTOR');
      await dialog.getByRole('button', { name: 'Create invitation' }).click();

      const created = page.getByRole('dialog', { name: 'Invitation created' });
      invitationLink = await created.getByRole('textbox', { name: 'Invitation link' }).inputValue();
      expect(invitationLink).toMatch(
        new RegExp(
          `^${server.origin}/invitations/accept\\?token=[^&]+&email=${encodeURIComponent(contributor.email)}$`,
        ),
      );
      await created.getByText('It will not be shown again').waitFor();
      await screenshotAllSizes(page, 'members-invitation-link', { fullPage: false });
      await created.getByRole('button', { name: 'Done' }).click();
      await created.waitFor({ state: 'detached' });

      const pending = page.getByRole('row', { name: new RegExp(contributor.email) });
      await pending.waitFor();
      expect(await pending.locator('td[data-label="Role"]').textContent()).toBe('Contributor');
      // The link (its token) is gone from the page once the dialog is closed.
      const token = new URL(invitationLink).searchParams.get('token') ?? '';
      expect(token.length).toBeGreaterThan(10);
      expect(await page.content()).not.toContain(token);

      // A second invitation, cancelled behind a confirmation: its row goes.
      await page.getByRole('button', { name: 'Invite member' }).click();
      await dialog.getByLabel('Email').fill('not-coming@example.com');
      await dialog.getByRole('button', { name: 'Create invitation' }).click();
      await created.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: 'Cancel the invitation for not-coming@example.com' }).click();
      const confirm = page.getByRole('dialog', { name: 'Cancel this invitation?' });
      await confirm.getByRole('button', { name: 'Cancel invitation' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByRole('row', { name: /not-coming@example\.com/ }).waitFor({ state: 'detached' });
      expect(await page.getByRole('row', { name: new RegExp(contributor.email) }).count()).toBe(1);
      ownerTab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the invitation link, opened signed out, leads through sign-up into the workspace',
    async () => {
      const { page } = contributorTab;
      await page.goto(invitationLink);
      await page.getByRole('heading', { name: 'Join a workspace' }).waitFor();
      await page.getByText(contributor.email).waitFor();
      await screenshotAllSizes(page, 'accept-invitation');

      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.waitForURL((u) => u.pathname === '/sign-up');
      // The invited address is filled in.
      expect(await page.getByLabel('Email').inputValue()).toBe(contributor.email);
      await page.getByLabel('Name').fill(contributor.name);
      await page.getByLabel('Password').fill(contributor.password);
      await page.getByRole('button', { name: 'Create account' }).click();

      await page.waitForURL(url('/settings/api-keys'));
      const switcher = page.getByRole('combobox', { name: 'Workspace' });
      expect(await switcher.inputValue()).toBe(workspaceId);
      expect(await switcher.locator('option:checked').textContent()).toBe(`${workspaceName} (Contributor)`);
      contributorTab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an OWNER changes roles; the last OWNER cannot be demoted, and the API says why',
    async () => {
      const { page } = ownerTab;
      await page.reload();
      const row = page.getByRole('row', { name: /Cora Contributor/ });
      await row.waitFor();
      expect(await page.getByRole('row', { name: new RegExp(contributor.email) }).count()).toBe(1);
      expect(await page.getByText('No pending invitations').isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Change role of Cora Contributor' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change the role of Cora Contributor' });
      expect(await dialog.getByLabel('Role').locator('option').allTextContents()).toEqual([
        'Owner',
        'Admin',
        'Editor',
        'Contributor',
      ]);
      await dialog.getByLabel('Role').selectOption('EDITOR');
      await dialog.getByRole('button', { name: 'Save role' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => row.locator('td[data-label="Role"]').textContent()).toBe('Editor');
      await page.getByRole('button', { name: 'Change role of Cora Contributor' }).click();
      await dialog.getByLabel('Role').selectOption('CONTRIBUTOR');
      await dialog.getByRole('button', { name: 'Save role' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => row.locator('td[data-label="Role"]').textContent()).toBe('Contributor');

      ownerTab.allow(/status of 409 .*\/api\/workspaces\/ws_[^/]+\/members\/usr_[^/]+\)$/);
      await page.getByRole('button', { name: 'Change role of Olivia Owner' }).click();
      const own = page.getByRole('dialog', { name: 'Change the role of Olivia Owner' });
      await own.getByLabel('Role').selectOption('ADMIN');
      await own.getByRole('button', { name: 'Save role' }).click();
      await own
        .getByRole('alert')
        .getByText(/Cannot change the role of the last OWNER/)
        .waitFor();
      await screenshotAllSizes(page, 'members-last-owner', { fullPage: false });
      await own.getByRole('button', { name: 'Cancel' }).click();
      await own.waitFor({ state: 'detached' });

      await screenshotAllSizes(page, 'members');
      ownerTab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a CONTRIBUTOR sees only their own keys and no admin action on any page',
    async () => {
      const { page } = contributorTab;
      await call(ownerTab, 'POST', `/workspaces/${workspaceId}/api-keys`, { label: 'Owner deploy' });
      await call(ownerTab, 'POST', `/workspaces/${workspaceId}/connections`, {
        platform: 'x',
        handle: '@brand',
      });
      await call(ownerTab, 'POST', '/content/text', { text: 'Owner announcement', connections: ['x-brand'] });
      await call(contributorTab, 'POST', `/workspaces/${workspaceId}/api-keys`, { label: 'Cora script' });

      // API keys: only their own.
      await page.goto(url('/settings/api-keys'));
      await page.getByRole('row', { name: /Cora script/ }).waitFor();
      expect(await page.getByRole('row', { name: /Owner deploy/ }).count()).toBe(0);
      await page.getByText('1 key · only yours').waitFor();

      // Members: the list, and only "Leave workspace" for themself.
      await openSection(page, 'Members');
      await page.getByRole('row', { name: /Olivia Owner/ }).waitFor();
      await page.getByRole('button', { name: 'Leave workspace' }).waitFor();
      expect(await page.getByRole('button', { name: 'Invite member' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Change role/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Pending invitations' }).count()).toBe(0);
      await screenshotAllSizes(page, 'members-contributor');

      // Connections: the list only.
      await openSection(page, 'Connections');
      await page.getByRole('row', { name: /x-brand/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Add connection' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);

      // General: no rename, no delete.
      await openSection(page, 'General');
      await page.getByText('Owners and admins can rename the workspace.').waitFor();
      expect(await page.getByLabel('Workspace name').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Delete workspace/ }).count()).toBe(0);

      // Content: someone else's post offers nothing; their own draft may be archived or deleted, not scheduled.
      await openSection(page, 'Content');
      await page.getByRole('row', { name: /Owner announcement/ }).waitFor();
      expect(await page.getByRole('button', { name: /post “/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'New draft' }).click();
      const draft = page.getByRole('dialog', { name: 'New draft' });
      await draft.getByLabel('Text').fill('Cora has an idea');
      expect(await draft.getByRole('checkbox', { name: /x-brand/ }).isChecked()).toBe(true);
      await draft.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('row', { name: /Cora has an idea/ }).waitFor();
      await page.getByRole('button', { name: 'Archive post “Cora has an idea”' }).waitFor();
      expect(await page.getByRole('button', { name: /^(Schedule|Reschedule) post/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /post “Owner announcement”/ }).count()).toBe(0);
      await screenshotAllSizes(page, 'content-contributor');

      await page.getByRole('button', { name: 'Delete post “Cora has an idea”' }).click();
      await page
        .getByRole('dialog', { name: 'Delete this post?' })
        .getByRole('button', { name: 'Delete post' })
        .click();
      await page.getByRole('row', { name: /Cora has an idea/ }).waitFor({ state: 'detached' });
      contributorTab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a member may leave; they land in a workspace of their own, and the OWNER sees them gone',
    async () => {
      const { page } = contributorTab;
      await page.goto(url('/settings/members'));
      await page.getByRole('button', { name: 'Leave workspace' }).click();
      const confirm = page.getByRole('dialog', { name: `Leave ${workspaceName}?` });
      await confirm.getByRole('button', { name: 'Leave workspace' }).click();
      await page.waitForURL(
        (u) => u.pathname.endsWith('/settings/api-keys') && !u.pathname.includes(workspaceId),
      );
      const switcher = page.getByRole('combobox', { name: 'Workspace' });
      expect(await switcher.locator('option').allTextContents()).toEqual([
        "Cora Contributor's workspace (Owner)",
      ]);

      await ownerTab.page.goto(url('/settings/members'));
      await ownerTab.page.getByRole('row', { name: /Olivia Owner/ }).waitFor();
      expect(await ownerTab.page.getByRole('row', { name: /Cora Contributor/ }).count()).toBe(0);
      contributorTab.expectNoConsoleErrors();
      ownerTab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a link that was cancelled, or is for another email, says so and what to do',
    async () => {
      const { page } = contributorTab;
      const cancelled = await call(ownerTab, 'POST', `/workspaces/${workspaceId}/invitations`, {
        email: 'changed-mind@example.com',
        roleKey: 'EDITOR',
      });
      await call(ownerTab, 'DELETE', `/workspaces/${workspaceId}/invitations/${cancelled.id}`);
      contributorTab.allow(/status of 404 .*\/api\/invitations\/accept\)$/);
      await page.goto(`${server.origin}/invitations/accept?token=${cancelled.token}`);
      const alert = page.getByRole('alert');
      await alert.getByText('This invitation is no longer valid').waitFor();
      await alert.getByText('Invitation not found').waitFor();

      const other = await call(ownerTab, 'POST', `/workspaces/${workspaceId}/invitations`, {
        email: 'dana@example.com',
        roleKey: 'EDITOR',
      });
      contributorTab.allow(/status of 403 .*\/api\/invitations\/accept\)$/);
      await page.goto(`${server.origin}/invitations/accept?token=${other.token}&email=dana%40example.com`);
      await alert.getByText('This invitation is for another email address').waitFor();
      await alert.getByText('This invitation is for dana@example.com; sign in as dana@example.com').waitFor();
      await page.getByText(`Signed in as ${contributor.email}`).waitFor();
      await screenshotAllSizes(page, 'accept-invitation-other-email');

      // Signing out keeps the person on the invitation, ready to sign in as the right person.
      await page.getByRole('button', { name: 'Sign out and use another account' }).click();
      await page.getByRole('link', { name: 'Sign in to accept' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/invitations/accept');
      contributorTab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );
});
