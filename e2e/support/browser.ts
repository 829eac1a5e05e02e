/**
 * Real-browser tests of the dashboard: Debian's Chromium driven by playwright-core, a collector that fails a
 * test on any console error or uncaught exception, and screenshots into .test-results/screenshots/.
 * Where /usr/bin/chromium is missing, `describeBrowser` skips the suite and says so in one line.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { REPO_ROOT } from './server.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const SCREENSHOT_DIR = join(REPO_ROOT, '.test-results', 'screenshots');

/** The sizes every page is checked at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** `describe` that runs only where Chromium is installed, and prints why when it does not. */
export function describeBrowser(name: string, body: () => void): void {
  if (!HAS_CHROMIUM) {
    console.log(`Skipping browser tests "${name}": ${CHROMIUM_PATH} not found (apt-get install chromium).`);
  }
  describe.skipIf(!HAS_CHROMIUM)(name, body);
}

/** Headless Chromium with the flags that keep it quiet and offline. Close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}

export interface ConsoleProblem {
  kind: 'console' | 'pageerror';
  text: string;
  /** The page or resource it came from. */
  url: string;
}

export interface BrowserPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions so far (minus the allowed ones). */
  problems(): ConsoleProblem[];
  /**
   * Allows console errors matching `pattern` from here on, for failures a test causes on purpose (the browser
   * logs "Failed to load resource: … status of 401 (Unauthorized) (<url>)" for a wrong password). The pattern
   * is tested against "<text> (<url>)": match narrowly, e.g. /status of 400 .*\/api\/auth\/signup\)$/.
   */
  allow(pattern: RegExp): void;
  /** Throws, listing them, when any console error or uncaught exception happened. */
  expectNoConsoleErrors(): void;
}

export interface OpenPageOptions {
  /** Origin the clipboard permissions are granted for (the server's). */
  origin: string;
  /** Default VIEWPORTS.desktop. */
  viewport?: { width: number; height: number };
}

/** A fresh context (own cookies and storage) and page, with clipboard access and the console collector. */
export async function openPage(browser: Browser, options: OpenPageOptions): Promise<BrowserPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORTS.desktop });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: options.origin });
  const page = await context.newPage();
  const problems: ConsoleProblem[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location().url || page.url();
    if (allowed.some((pattern) => pattern.test(`${text} (${url})`))) return;
    problems.push({ kind: 'console', text, url });
  });
  page.on('pageerror', (error) => {
    problems.push({ kind: 'pageerror', text: error.stack ?? error.message, url: page.url() });
  });
  return {
    page,
    context,
    problems: () => [...problems],
    allow: (pattern) => {
      allowed.push(pattern);
    },
    expectNoConsoleErrors() {
      if (problems.length === 0) return;
      const list = problems.map((p) => `  [${p.kind}] ${p.text} (${p.url})`).join('\n');
      throw new Error(`The page logged ${problems.length} error(s):\n${list}`);
    },
  };
}

export interface ScreenshotOptions {
  /** The whole page rather than the viewport. Default true; use false with a dialog open (its backdrop covers the viewport only). */
  fullPage?: boolean;
}

/**
 * Saves a screenshot as .test-results/screenshots/<name>.png, prints its path, returns it.
 * `name` is a file name without extension, e.g. 'api-keys-empty-desktop'.
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: ScreenshotOptions = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  console.log(`screenshot: ${path}`);
  return path;
}

/** Screenshots `page` at every size of VIEWPORTS (`<name>-desktop.png`, `<name>-phone.png`), then restores it. */
export async function screenshotAllSizes(
  page: Page,
  name: string,
  options: ScreenshotOptions = {},
): Promise<string[]> {
  const original = page.viewportSize();
  const paths: string[] = [];
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    paths.push(await screenshot(page, `${name}-${size}`, options));
  }
  if (original) await page.setViewportSize(original);
  return paths;
}

export interface BrowserPerson {
  name: string;
  email: string;
  password: string;
}

let people = 0;

/** A new person's details, unique within this run. */
export function newPerson(name?: string): BrowserPerson {
  const n = ++people;
  return {
    name: name ?? `Dana Tester ${n}`,
    email: `person-${Date.now()}-${n}@example.com`,
    password: 'correct horse battery staple',
  };
}

/**
 * Signs `person` up through the dashboard's sign-up form and waits until their workspace is open.
 * Returns the workspace id from the URL.
 */
export async function signUpInBrowser(page: Page, origin: string, person: BrowserPerson): Promise<string> {
  await page.goto(`${origin}/sign-up`);
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/w\/[^/]+\/settings\/api-keys/);
  return workspaceIdFromUrl(page.url());
}

/**
 * Signs in through the sign-in form at `/sign-in` (or `path`, e.g. `/sign-in?next=…`) and waits until the page
 * the dashboard sends the person to: by default a workspace page (`/w/…`).
 */
export async function signInInBrowser(
  page: Page,
  origin: string,
  person: BrowserPerson,
  { path = '/sign-in', landsOn = /^\/w\// }: { path?: string; landsOn?: RegExp } = {},
): Promise<void> {
  await page.goto(origin + path);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => landsOn.test(url.pathname));
}

/** The `ws_…` id in a dashboard URL `/w/<id>/…`. */
export function workspaceIdFromUrl(url: string): string {
  const match = /\/w\/([^/?#]+)/.exec(new URL(url).pathname);
  if (!match?.[1]) throw new Error(`No workspace id in ${url}`);
  return decodeURIComponent(match[1]);
}
