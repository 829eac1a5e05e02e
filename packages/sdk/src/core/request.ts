/**
 * The one place the SDK talks HTTP: URL, auth headers, JSON bodies, the envelope, the timeout of each
 * attempt and the retries. Every resource method is a call to {@link RequestCore.request}.
 */
import { errorFromResponse, networkError, type ReadResponse, SocifyrError, withoutKeys } from '../errors.js';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from './retry.js';

/** Per-call options every resource method takes last. */
export interface RequestOptions {
  /** Cancels the call (the attempt in flight and any wait before a retry); it then fails with status 0. */
  signal?: AbortSignal;
}

/** Waits `ms` milliseconds, or rejects as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Everything the request core needs, already checked and defaulted by the client. */
export interface RequestCoreOptions {
  apiKey: string;
  /** Sent as `X-Workspace-Id` when set. */
  workspaceId: string | undefined;
  /** Base URL without a trailing slash, e.g. `https://api.socifyr.com/api`. */
  apiUrl: string;
  /** Time allowed for each attempt, in ms. */
  timeoutMs: number;
  /** Attempts after the first, for network errors, 429 and 5xx. */
  maxRetries: number;
  fetch: typeof fetch;
  /** Waits between attempts; tests pass one that records instead of waiting. */
  sleep: Sleep;
  /** Numbers in [0, 1) for the backoff jitter. */
  random: () => number;
  /** Current time in ms since the epoch (for `Retry-After` dates). */
  now: () => number;
}

/** One API call: method, path under the API URL, and optionally a query string and a JSON body. */
export interface ApiRequest extends RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** e.g. `/workspaces/ws_123/api-keys`; path parameters already encoded. */
  path: string;
  /** Entries whose value is undefined are left out. */
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/** The result of one attempt: a response, or a failure that got none (retryable). */
type AttemptOutcome = { ok: true; response: ReadResponse } | { ok: false; error: SocifyrError };

/** The default {@link Sleep}: a timer, cleared when the signal aborts. */
export const sleepWithTimer: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Sends API calls and turns their answers into data or a {@link SocifyrError}. */
export class RequestCore {
  // A private field, so printing the client (console.log, util.inspect) never shows the key.
  readonly #apiKey: string;
  readonly #options: Omit<RequestCoreOptions, 'apiKey'>;

  /** @param options checked and defaulted by the client */
  constructor({ apiKey, ...options }: RequestCoreOptions) {
    this.#apiKey = apiKey;
    this.#options = options;
  }

  /**
   * Sends the call, retrying network errors, 429 and 5xx, and resolves to the envelope's `data`.
   * Rejects with a {@link SocifyrError} for anything else.
   *
   * @example const workspaces = await core.request<Workspace[]>({ method: 'GET', path: '/workspaces' });
   */
  async request<T>(call: ApiRequest): Promise<T> {
    const { maxRetries, sleep, random, now } = this.#options;
    const url = this.#url(call);
    // Errors name the call; a key passed where an id belongs is not repeated in them.
    const description = withoutKeys(`${call.method} ${url}`);
    const init = this.#init(call);
    for (let retry = 0; ; retry++) {
      throwIfAborted(call.signal, description);
      const outcome = await this.#attempt(url, init, description, call.signal);
      let error: SocifyrError;
      let waitMs: number | undefined;
      if (outcome.ok) {
        const { response } = outcome;
        if (isSuccess(response)) return response.json.data as T;
        error = errorFromResponse(response, description);
        if (!isRetryableStatus(response.status)) throw error;
        const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), now());
        waitMs = retryDelayMs(retry, retryAfterMs, random);
      } else {
        error = outcome.error;
        waitMs = backoffDelayMs(retry, random);
      }
      if (retry >= maxRetries || waitMs === undefined) throw error;
      try {
        await sleep(waitMs, call.signal);
      } catch (sleepError) {
        if (call.signal?.aborted) throw abortedError(description, call.signal);
        throw sleepError;
      }
    }
  }

  /** The full URL: base, path and the defined query entries. */
  #url({ path, query }: ApiRequest): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) search.set(name, String(value));
    }
    const queryString = search.toString();
    return `${this.#options.apiUrl}${path}${queryString ? `?${queryString}` : ''}`;
  }

  /** Method, headers (key, workspace, JSON) and body, the same for every attempt. */
  #init({ method, body }: ApiRequest): RequestInit {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.#apiKey}`,
      accept: 'application/json',
    };
    if (this.#options.workspaceId) headers['x-workspace-id'] = this.#options.workspaceId;
    if (body === undefined) return { method, headers };
    headers['content-type'] = 'application/json';
    return { method, headers, body: JSON.stringify(body) };
  }

  /**
   * One attempt under its own timeout: the response with its body read, or the network failure.
   * The caller's signal aborts the attempt and rejects at once (an abort is never retried).
   */
  async #attempt(
    url: string,
    init: RequestInit,
    description: string,
    signal: AbortSignal | undefined,
  ): Promise<AttemptOutcome> {
    const { timeoutMs, fetch: fetchImpl } = this.#options;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetchImpl(url, { ...init, signal: controller.signal });
      // The body is read under the same timeout: a server that stalls mid-body is a network failure too.
      const text = await response.text();
      return { ok: true, response: readResponse(response, text) };
    } catch (error) {
      if (signal?.aborted) throw abortedError(description, signal);
      const cause = timedOut ? new Error(`no response within ${timeoutMs} ms (timeout)`) : error;
      return { ok: false, error: networkError(description, cause) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Status, headers and the body parsed as JSON when it is JSON. */
function readResponse(response: Response, text: string): ReadResponse {
  const base = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (text.trim() === '') return { ...base, json: undefined, isJson: true };
  try {
    return { ...base, json: JSON.parse(text), isJson: true };
  } catch {
    return { ...base, json: undefined, isJson: false };
  }
}

/** A 2xx answer carrying `{ success: true, data }`. */
function isSuccess(response: ReadResponse): response is ReadResponse & { json: { data: unknown } } {
  const { status, json } = response;
  return (
    status >= 200 &&
    status < 300 &&
    typeof json === 'object' &&
    json !== null &&
    'success' in json &&
    json.success === true &&
    'data' in json
  );
}

function throwIfAborted(signal: AbortSignal | undefined, description: string): void {
  if (signal?.aborted) throw abortedError(description, signal);
}

/** Status 0, not retried: the caller asked to stop. */
function abortedError(description: string, signal: AbortSignal | undefined): SocifyrError {
  return new SocifyrError(`Request aborted: ${description}`, { status: 0, cause: signal?.reason });
}
