/**
 * Every error the API answers with, by code. The status of each code is decided here and only here.
 */

export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorOptions {
  /** Extra response headers, e.g. `Retry-After` or `WWW-Authenticate`. */
  headers?: Record<string, string>;
}

/** An error meant for the client: its message is shown as is, so it must help the caller fix the request. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string | string[],
    options: AppErrorOptions = {},
  ) {
    // An expected refusal needs no stack (nobody reads it, and capturing one is most of the cost of
    // answering a flood of bad keys); only an internal error keeps its stack.
    const stackLimit = Error.stackTraceLimit;
    if (code !== 'internal') Error.stackTraceLimit = 0;
    super(Array.isArray(detail) ? detail.join(', ') : detail);
    Error.stackTraceLimit = stackLimit;
    this.name = 'AppError';
    this.statusCode = ERROR_STATUS[code];
    this.headers = options.headers ?? {};
  }
}

export const badRequest = (message: string) => new AppError('bad_request', message);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string) => new AppError('conflict', message);
