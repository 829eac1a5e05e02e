/** The `Socifyr` client: options, their defaults and checks, and the resources over one request core. */
import { readEnv } from './core/env.js';
import { RequestCore, type Sleep, sleepWithTimer } from './core/request.js';
import { configurationError, withoutKeys } from './errors.js';
import { Auth } from './resources/auth.js';
import { Connections } from './resources/connections.js';
import { Content } from './resources/content.js';
import { Workspaces } from './resources/workspaces.js';

/** The hosted API; point `apiUrl` at `http://localhost:8101/api` for a self-hosted server on this machine. */
export const DEFAULT_API_URL = 'https://api.socifyr.com/api';
/** Time allowed for each attempt of a call. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Attempts after the first for a network error, 429 or 5xx. */
export const DEFAULT_MAX_RETRIES = 2;
/** Timers cannot wait longer (2^31 − 1 ms, about 24.8 days); a larger timeout would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** How to reach the API and with which key. Every field is optional where an environment variable can fill it. */
export interface SocifyrOptions {
  /**
   * The API key, `sk_…` (create one in the dashboard under Settings → API Keys).
   * Default: `SOCIFYR_API_KEY` from the environment. Missing or not starting with `sk_`: the constructor throws.
   */
  apiKey?: string;
  /**
   * The workspace to act in, `ws_…`, sent as `X-Workspace-Id` on every call. A key always acts in its own
   * workspace, so this is a safeguard: naming another workspace answers 403.
   * Default: `SOCIFYR_WORKSPACE_ID` from the environment; when neither is set, the header is not sent.
   */
  workspaceId?: string;
  /**
   * Base URL of the API, ending in `/api` (a trailing slash is fine).
   * Default: `SOCIFYR_API_URL` from the environment, else `https://api.socifyr.com/api`.
   */
  apiUrl?: string;
  /**
   * Time allowed for each attempt, in milliseconds; an attempt that takes longer is aborted and counts as a
   * network error (and is retried). Default: 30 000 ms.
   */
  timeout?: number;
  /**
   * How many times a call is retried after a network error, a timeout, 429 or 5xx, waiting 500 ms, 1 s,
   * 2 s … (up to 8 s, plus up to 25 % jitter) or what `Retry-After` asks for. 0 turns retries off.
   * Default: 2 (so at most 3 attempts).
   */
  maxRetries?: number;
  /** The `fetch` to send requests with. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/**
 * Options the tests of this package use to run retries without waiting. Not part of the public API.
 * @internal
 */
export interface SocifyrInternalOptions extends SocifyrOptions {
  /** Waits between attempts. Default: a timer. */
  sleep?: Sleep;
  /** Numbers in [0, 1) for jitter. Default: `Math.random`. */
  random?: () => number;
  /** Current time in ms since the epoch. Default: `Date.now`. */
  now?: () => number;
}

/**
 * The Socifyr API client. Each property is a group of API calls; every call resolves to the response's
 * `data` or rejects with a `SocifyrError`.
 *
 * @example
 * import { Socifyr } from '@socifyr/sdk';
 *
 * const socifyr = new Socifyr({
 *   apiKey: process.env.SOCIFYR_API_KEY!,
 *   workspaceId: process.env.SOCIFYR_WORKSPACE_ID!,
 * })
 * const { results } = await socifyr.content.list();
 */
export class Socifyr {
  /** Who the key acts as. */
  readonly auth: Auth;
  /** Workspaces and, under a workspace id: connections, members, invitations and API keys. */
  readonly workspaces: Workspaces;
  /** The connections of the key's workspace. */
  readonly connections: Connections;
  /** The posts of the key's workspace. */
  readonly content: Content;
  /** The base URL calls go to, without a trailing slash. */
  readonly apiUrl: string;
  /** The workspace sent as `X-Workspace-Id`, if any. */
  readonly workspaceId: string | undefined;

  /**
   * Checks the options (falling back to the environment) and builds the client. No request is sent.
   *
   * @throws SocifyrError (status 0) when the key is missing or malformed or another option is unusable;
   *   the message says what to change.
   */
  constructor(options: SocifyrOptions = {}) {
    const internal: SocifyrInternalOptions = options;
    const apiKey = nonEmpty(options.apiKey) ?? readEnv('SOCIFYR_API_KEY');
    this.workspaceId = nonEmpty(options.workspaceId) ?? readEnv('SOCIFYR_WORKSPACE_ID');
    this.apiUrl = checkApiUrl(nonEmpty(options.apiUrl) ?? readEnv('SOCIFYR_API_URL') ?? DEFAULT_API_URL);
    const core = new RequestCore({
      apiKey: checkApiKey(apiKey),
      workspaceId: this.workspaceId,
      apiUrl: this.apiUrl,
      timeoutMs: checkTimeout(options.timeout ?? DEFAULT_TIMEOUT_MS),
      maxRetries: checkMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES),
      fetch: checkFetch(options.fetch),
      sleep: internal.sleep ?? sleepWithTimer,
      random: internal.random ?? Math.random,
      now: internal.now ?? Date.now,
    });
    this.auth = new Auth(core);
    this.workspaces = new Workspaces(core);
    this.connections = new Connections(core);
    this.content = new Content(core);
  }
}

/** An empty string counts as not given, so `process.env.X!` of an unset variable falls back like undefined. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** The key must be there and look like one; the message never repeats it. */
function checkApiKey(apiKey: string | undefined): string {
  if (apiKey === undefined) {
    throw configurationError(
      'Missing API key: pass { apiKey } to new Socifyr() or set SOCIFYR_API_KEY. Create a key in the dashboard under Settings → API Keys.',
    );
  }
  if (typeof apiKey !== 'string' || !apiKey.startsWith('sk_')) {
    throw configurationError(
      'Invalid API key: a Socifyr API key starts with "sk_". Copy the whole key shown when it was created, or create a new one under Settings → API Keys.',
    );
  }
  return apiKey;
}

/** An absolute http(s) URL without credentials, returned without trailing slashes. */
function checkApiUrl(apiUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(apiUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw configurationError(
      `Invalid apiUrl ${withoutKeys(JSON.stringify(apiUrl))}: use an http(s) URL without credentials, e.g. ${DEFAULT_API_URL} or http://localhost:8101/api.`,
    );
  }
  return apiUrl.replace(/\/+$/, '');
}

function checkTimeout(timeout: number): number {
  if (typeof timeout !== 'number' || !(timeout > 0) || timeout > MAX_TIMEOUT_MS) {
    throw configurationError(
      `Invalid timeout ${String(timeout)}: use a number of milliseconds between 1 and ${MAX_TIMEOUT_MS} (default ${DEFAULT_TIMEOUT_MS}).`,
    );
  }
  return timeout;
}

function checkMaxRetries(maxRetries: number): number {
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw configurationError(
      `Invalid maxRetries ${String(maxRetries)}: use a whole number, 0 or more (default ${DEFAULT_MAX_RETRIES}).`,
    );
  }
  return maxRetries;
}

/** The given fetch, or one that calls the global fetch at call time (so it is never called on a wrong `this`). */
function checkFetch(given: typeof fetch | undefined): typeof fetch {
  if (given !== undefined) {
    if (typeof given !== 'function')
      throw configurationError('Invalid fetch: pass a function like globalThis.fetch.');
    return given;
  }
  if (typeof globalThis.fetch !== 'function') {
    throw configurationError(
      'No fetch in this runtime: pass { fetch } to new Socifyr() (Node.js 20 or later has one).',
    );
  }
  return (input, init) => globalThis.fetch(input, init);
}
