/**
 * Forms in a real browser, as a newcomer meets them: sign-up and sign-in catch obvious mistakes before a
 * request and put each problem (theirs or the server's) next to its field; an address that already has an
 * account leads to sign-in with it; an invitation link carries the invited address into both forms and says
 * it is checked on sign-in; a corrected field loses its stale error in every dialog; a key label over 100
 * characters is counted and refused, not cut; a missing workspace has a heading.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BrowserPage,
  describeBrowser,
  launchBrowser,
  openPage,
  screenshot,
  screenshotAllSizes,
  workspaceIdFromUrl,
} from './support/browser.js';
import { type Owner, type RunningServer, signUpOwner, startServer } from './support/server.js';

/** Longest wait for one step (an element, a navigation); the machine is shared and slow at times. */
const STEP_TIMEOUT_MS = 10_000;
/** Each test is a story of many steps and screenshots. */
const TEST_TIMEOUT_MS = 120_000;

/** The error shown under a field (its aria-describedby), or null when there is none. */
const fieldError = (control: Locator) =>
  control.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const error = ids.map((id) => document.getElementById(id)).find((node) => node?.matches('.field-error'));
    return error?.textContent ?? null;
  });

/** Whether the control is marked invalid for assistive technology. */
const invalid = (control: Locator) =>
  control.evaluate((element) => element.getAttribute('aria-invalid') === 'true');

const isFocused = (control: Locator) => control.evaluate((element) => element === document.activeElement);

/** Counts the requests the page makes to an API route, to prove a mistake was caught before one. */
function countRequests(page: Page, method: string, path: RegExp): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === method && path.test(new URL(request.url()).pathname)) count += 1;
  });
  return () => count;
}

describeBrowser('Dashboard: forms, errors and the invitation link', () => {
  let server: RunningServer;
  let browser: Browser;
  let ada: Owner;
  let tab: BrowserPage;
  const ivy = { name: 'Ivy Invited', email: 'ivy@example.com', password: 'correct horse battery staple' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ada = await signUpOwner(server, 'Ada Admin');
    tab = await openPage(browser, { origin: server.origin });
    tab.page.setDefaultTimeout(STEP_TIMEOUT_MS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'sign-up catches obvious mistakes before a request and shows each problem next to its field',
    async () => {
      const { page } = tab;
      const signUps = countRequests(page, 'POST', /^\/api\/auth\/signup$/);
      await page.goto(`${server.origin}/sign-up`);
      const name = page.getByLabel('Name');
      const email = page.getByLabel('Email');
      const password = page.getByLabel('Password');
      // The browser knows what each field needs, too.
      expect(await name.getAttribute('required')).not.toBeNull();
      expect(await email.getAttribute('type')).toBe('email');
      expect(await password.getAttribute('minlength')).toBe('10');

      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByText('Enter your name.').waitFor();
      expect(await fieldError(name)).toBe('Enter your name.');
      expect(await fieldError(email)).toBe('Enter your email address.');
      expect(await fieldError(password)).toBe('Choose a password of at least 10 characters.');
      expect(await isFocused(name)).toBe(true);
      await screenshotAllSizes(page, 'forms-sign-up-empty');

      // Correcting a field clears its message at once; the others stay until the next try.
      await name.fill('Grace Hopper');
      expect(await fieldError(name)).toBeNull();
      expect(await invalid(name)).toBe(false);
      expect(await invalid(email)).toBe(true);

      await email.fill('grace@example');
      await password.fill('short');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => fieldError(email)).toBe('Enter a whole email address, e.g. ada@example.com.');
      expect(await fieldError(password)).toBe('Use at least 10 characters: this password has 5.');
      expect(await isFocused(email)).toBe(true);
      expect(signUps()).toBe(0);

      // What only the server knows is shown under the field its message names.
      tab.allow(/status of 400 .*\/api\/auth\/signup\)$/);
      await email.fill('grace@example.com');
      await password.fill('p'.repeat(600));
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => fieldError(password)).toBe('Password must be at most 512 characters.');
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(signUps()).toBe(1);
      await screenshotAllSizes(page, 'forms-sign-up-server-error');

      // An address with an account already: a sentence and a way to sign in with it, no API route.
      tab.allow(/status of 409 .*\/api\/auth\/signup\)$/);
      await email.fill(ada.email);
      await password.fill('another long password');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect
        .poll(() => fieldError(email))
        .toMatch(/^An account with this email address already exists\. Sign in with it instead/);
      expect(await page.content()).not.toContain('/api/auth/login');
      await screenshotAllSizes(page, 'forms-sign-up-existing');
      await page.getByRole('link', { name: 'Sign in with it' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(await page.getByLabel('Email').inputValue()).toBe(ada.email);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'sign-in needs both fields before a request; a wrong password is said once and cleared on a new try',
    async () => {
      const { page } = tab;
      const signIns = countRequests(page, 'POST', /^\/api\/auth\/login$/);
      await page.goto(`${server.origin}/sign-in?next=${encodeURIComponent('/w/ws_x/content')}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Enter your password.').waitFor();
      expect(await fieldError(page.getByLabel('Email'))).toBe('Enter your email address.');
      expect(signIns()).toBe(0);

      // "Create an account" keeps where to go next and the address typed so far.
      await page.getByLabel('Email').fill('someone@example.com');
      const href = (await page.getByRole('link', { name: 'Create an account' }).getAttribute('href')) ?? '';
      const target = new URL(href, server.origin);
      expect(target.pathname).toBe('/sign-up');
      expect(target.searchParams.get('next')).toBe('/w/ws_x/content');
      expect(target.searchParams.get('email')).toBe('someone@example.com');

      tab.allow(/status of 401 .*\/api\/auth\/login\)$/);
      await page.getByLabel('Email').fill(ada.email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('Invalid email or password').waitFor();
      expect(signIns()).toBe(1);
      await page.getByLabel('Password').fill('still typing');
      expect(await page.getByRole('alert').count()).toBe(0);
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an invitation link names its address, promises nothing before sign-in, and fills in both forms',
    async () => {
      const { page } = tab;
      const response = await fetch(`${server.apiUrl}/workspaces/${ada.workspaceId}/invitations`, {
        method: 'POST',
        headers: { cookie: ada.cookie, 'content-type': 'application/json', 'x-requested-with': 'socifyr' },
        body: JSON.stringify({ email: ivy.email, roleKey: 'EDITOR' }),
      });
      const { token } = ((await response.json()) as { data: { token: string } }).data;
      const link = `${server.origin}/invitations/accept?token=${token}&email=${encodeURIComponent(ivy.email)}`;

      await page.goto(link);
      await page.getByRole('heading', { name: 'Join a workspace' }).waitFor();
      await page.getByText(`This link was sent to ${ivy.email}.`).waitFor();
      await page
        .getByText(/checked when you sign in: if it was cancelled, replaced .* you will be told then/)
        .waitFor();
      await screenshotAllSizes(page, 'forms-invitation-signed-out');

      await page.getByRole('link', { name: 'Sign in to accept' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(await page.getByLabel('Email').inputValue()).toBe(ivy.email);
      const next = new URL(page.url()).searchParams.get('next') ?? '';
      expect(next).toContain(`token=${token}`);

      // Ivy has no account yet: on to sign-up, which keeps both the invitation and the address.
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-up');
      expect(new URL(page.url()).searchParams.get('next')).toBe(next);
      expect(await page.getByLabel('Email').inputValue()).toBe(ivy.email);
      await page.getByLabel('Name').fill(ivy.name);
      await page.getByLabel('Password').fill(ivy.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL((url) => url.pathname === `/w/${ada.workspaceId}/settings/api-keys`);
      const switcher = page.getByRole('combobox', { name: 'Workspace' });
      expect(await switcher.locator('option:checked').textContent()).toBe("Ada Admin's workspace (Editor)");
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a corrected field loses its stale error in every dialog; a long key label is counted, not cut',
    async () => {
      const { page } = tab;
      // Ivy's own workspace, where she is the OWNER.
      await page
        .getByRole('combobox', { name: 'Workspace' })
        .selectOption({ label: "Ivy Invited's workspace (Owner)" });
      await page.waitForURL((url) => !url.pathname.includes(ada.workspaceId));
      const workspaceId = workspaceIdFromUrl(page.url());

      // Add connection: a handle the API would refuse, then corrected.
      await page.goto(`${server.origin}/w/${workspaceId}/connections`);
      await page.getByRole('button', { name: 'Add connection' }).click();
      const add = page.getByRole('dialog', { name: 'Add connection' });
      const handle = add.getByLabel('Handle');
      await handle.fill('bad handle!');
      await add.getByRole('button', { name: 'Add connection' }).click();
      await expect.poll(() => fieldError(handle)).toMatch(/^Use only letters, digits/);
      expect(await invalid(handle)).toBe(true);
      await handle.fill('good_handle');
      expect(await fieldError(handle)).toBeNull();
      expect(await invalid(handle)).toBe(false);
      await screenshot(page, 'forms-connection-corrected', { fullPage: false });
      await add.getByRole('button', { name: 'Add connection' }).click();
      await add.waitFor({ state: 'detached' });

      // The same handle again: the API's answer goes as soon as the handle changes.
      tab.allow(/status of 409 .*\/api\/workspaces\/ws_[^/]+\/connections\)$/);
      await page.getByRole('button', { name: 'Add connection' }).click();
      await handle.fill('good_handle');
      await add.getByRole('button', { name: 'Add connection' }).click();
      await add.getByRole('alert').getByText('Connection "x-good_handle" already exists').waitFor();
      await handle.fill('good_handle_2');
      expect(await add.getByRole('alert').count()).toBe(0);
      await add.getByRole('button', { name: 'Cancel' }).click();

      // Create key: 101 characters are counted and refused before a request; one fewer is fine.
      const keyPosts = countRequests(page, 'POST', /^\/api\/workspaces\/[^/]+\/api-keys$/);
      await page.goto(`${server.origin}/w/${workspaceId}/settings/api-keys`);
      await page.getByRole('button', { name: 'Create key' }).first().click();
      const create = page.getByRole('dialog', { name: 'Create API key' });
      const label = create.getByLabel('Label');
      await create.getByRole('button', { name: 'Create key' }).click();
      await expect.poll(() => fieldError(label)).toBe('Give the key a label, e.g. "Production backend".');
      await label.fill('l'.repeat(101));
      expect(await fieldError(label)).toBeNull();
      expect(await label.inputValue()).toHaveLength(101);
      await create.getByText('101 / 100 characters').waitFor();
      await create.getByRole('button', { name: 'Create key' }).click();
      await expect
        .poll(() => fieldError(label))
        .toBe('Use at most 100 characters: this has 101, 1 too many.');
      await screenshotAllSizes(page, 'forms-key-label-too-long', { fullPage: false });
      expect(keyPosts()).toBe(0);
      await label.press('Backspace');
      expect(await fieldError(label)).toBeNull();
      await create.getByText('100 / 100 characters').waitFor();
      await create.getByRole('button', { name: 'Cancel' }).click();

      // Invite: an address without @, then corrected.
      await page.goto(`${server.origin}/w/${workspaceId}/settings/members`);
      await page.getByRole('button', { name: 'Invite member' }).click();
      const invite = page.getByRole('dialog', { name: 'Invite a member' });
      const inviteEmail = invite.getByLabel('Email');
      await inviteEmail.fill('sam');
      await invite.getByRole('button', { name: 'Create invitation' }).click();
      await expect.poll(() => invalid(inviteEmail)).toBe(true);
      await inviteEmail.fill('sam@example.com');
      expect(await invalid(inviteEmail)).toBe(false);
      await invite.getByRole('button', { name: 'Cancel' }).click();

      // New workspace: an empty name is caught before a request, and cleared when typed.
      const workspacePosts = countRequests(page, 'POST', /^\/api\/workspaces$/);
      await page.getByRole('button', { name: 'New workspace' }).click();
      const created = page.getByRole('dialog', { name: 'New workspace' });
      const workspaceName = created.getByLabel('Name');
      await created.getByRole('button', { name: 'Create workspace' }).click();
      await expect.poll(() => fieldError(workspaceName)).toBe('Give the workspace a name.');
      expect(workspacePosts()).toBe(0);
      await workspaceName.fill('Side project');
      expect(await fieldError(workspaceName)).toBeNull();
      await created.getByRole('button', { name: 'Cancel' }).click();
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a workspace that is not there says so in a heading',
    async () => {
      const { page } = tab;
      await page.goto(`${server.origin}/w/ws_00000000000000000000000000/settings/api-keys`);
      await page.getByRole('heading', { level: 1, name: 'Workspace not found' }).waitFor();
      expect(await page.title()).toBe('Workspace not found · Socifyr');
      await screenshotAllSizes(page, 'forms-workspace-not-found');
      tab.expectNoConsoleErrors();
    },
    TEST_TIMEOUT_MS,
  );
});
