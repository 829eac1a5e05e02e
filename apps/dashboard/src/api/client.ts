/**
 * The one request core of the dashboard: same-origin fetch with the session cookie, the CSRF header on every
 * state-changing request, the `{success, data}` envelope unwrapped, and every failure thrown as an ApiError.
 */
import { ApiError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** JSON body; sent with `Content-Type: application/json`. */
  body?: unknown;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | undefined>;
  /** Sent as `X-Workspace-Id`: the workspace a route without `:id` in its path acts in (e.g. /content). */
  workspaceId?: string;
  /** Aborts the request (e.g. the page that asked for it went away). */
  signal?: AbortSignal;
  /**
   * When false, a 401 does not count as "the session ended" (sign-in itself answers 401 for a wrong password).
   * Default true.
   */
  reportUnauthorized?: boolean;
}

export interface ApiClientOptions {
  /** Prefix of every path. Default `/api` (the dashboard is served by the API server). */
  baseUrl?: string;
  /** Default `globalThis.fetch`; tests pass their own. */
  fetch?: typeof fetch;
  /** Called when a request answers 401: the session is gone, so the app shows the sign-in page. */
  onUnauthorized?: (error: ApiError) => void;
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  delete<T = null>(path: string, options?: RequestOptions): Promise<T>;
}

/** The header the server's CSRF guard asks of every state-changing request made with a session. */
export const CSRF_HEADER = { name: 'X-Requested-With', value: 'socifyr' } as const;

interface Envelope {
  success?: boolean;
  data?: unknown;
  error?: unknown;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '/api';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    const url = baseUrl + path + queryString(opts.query);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') headers[CSRF_HEADER.name] = CSRF_HEADER.value;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.workspaceId) headers['X-Workspace-Id'] = opts.workspaceId;

    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (error) {
      if (opts.signal?.aborted) throw error;
      throw new ApiError(0, ['Could not reach the server. Check your connection and try again.'], url);
    }

    const envelope = await readEnvelope(response);
    if (response.ok && envelope?.success === true) return envelope.data as T;

    const error = new ApiError(response.status, messagesOf(envelope, response), url);
    if (response.status === 401 && opts.reportUnauthorized !== false) options.onUnauthorized?.(error);
    throw error;
  }

  return {
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
  };
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readEnvelope(response: Response): Promise<Envelope | undefined> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as Envelope) : undefined;
  } catch {
    return undefined;
  }
}

function messagesOf(envelope: Envelope | undefined, response: Response): string[] {
  const error = envelope?.error;
  if (Array.isArray(error)) return error.map(String);
  if (typeof error === 'string' && error) return [error];
  if (response.ok) return ['The server sent an answer the dashboard does not understand.'];
  return [`The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`];
}
