/** The one error type of the SDK, and the functions that turn a failed call into it. */

/** What {@link SocifyrError} carries besides its message. */
export interface SocifyrErrorOptions {
  /** HTTP status; 0 when no response arrived (network, timeout, abort) or the client was misconfigured. */
  status: number;
  /** The parsed response body, if it was JSON. */
  body?: unknown;
  /** The server's `X-Request-Id`, to find the request in its log. */
  requestId?: string;
  /** The underlying error, e.g. the network failure. */
  cause?: unknown;
}

/**
 * Every failure of the SDK: an error answer of the API, a network failure or timeout, or a bad option
 * at construction.
 *
 * @example
 * try {
 *   await socifyr.content.get('post_…');
 * } catch (error) {
 *   if (error instanceof SocifyrError && error.status === 404) console.log('no such post');
 *   else throw error;
 * }
 */
export class SocifyrError extends Error {
  /** HTTP status; 0 when no response arrived (network, timeout, abort) or the client was misconfigured. */
  readonly status: number;
  /** The parsed response body (the error envelope), or `undefined` when there was none or it was not JSON. */
  readonly body: unknown;
  /** The server's `X-Request-Id`, when a response arrived. */
  readonly requestId: string | undefined;

  /** @param message what went wrong, for people; it never contains a key. */
  constructor(message: string, options: SocifyrErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SocifyrError';
    this.status = options.status;
    this.body = options.body;
    this.requestId = options.requestId;
  }
}

/** A response as the request core read it: status, headers and the body parsed if it was JSON. */
export interface ReadResponse {
  status: number;
  statusText: string;
  headers: Headers;
  /** The parsed JSON body, or `undefined` when the body was empty or not JSON. */
  json: unknown;
  /** False when a non-empty body could not be parsed as JSON. */
  isJson: boolean;
}

/**
 * The error for an answer that is not a success envelope: the envelope's `error` (an array of validation
 * problems joined with ", "), or a message that says what came back instead.
 */
export function errorFromResponse(response: ReadResponse, description: string): SocifyrError {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const { status, json: body } = response;
  const message = response.isJson ? envelopeMessage(body) : undefined;
  if (message !== undefined) return new SocifyrError(message, { status, body, requestId });
  const httpStatus = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const type = response.headers.get('content-type')?.split(';', 1)[0] || 'no content type';
  const what = response.isJson ? 'no Socifyr envelope' : `${type} instead of JSON`;
  // A 5xx without our envelope usually comes from a proxy in front of a server that is down; anything
  // else from a URL that is not the API (e.g. the dashboard's pages, which answer HTML).
  const hint =
    status >= 500
      ? 'the API or a proxy in front of it is failing; try again later'
      : 'check that apiUrl points at the Socifyr API (it ends in /api)';
  return new SocifyrError(`${description} answered ${httpStatus} with ${what}: ${hint}`, {
    status,
    body,
    requestId,
  });
}

/** The `error` of an error envelope as one line, or undefined when the body has none. */
function envelopeMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body;
  if (typeof error === 'string' && error !== '') return error;
  if (Array.isArray(error) && error.length > 0) return error.map(String).join(', ');
  return undefined;
}

/** The error for a request that got no response: status 0, "Network error: …" with the underlying reason. */
export function networkError(description: string, cause: unknown): SocifyrError {
  return new SocifyrError(`Network error: ${description} failed: ${describeCause(cause)}`, {
    status: 0,
    cause,
  });
}

/** The error for an option that makes the client unusable; status 0, thrown at construction. */
export function configurationError(message: string): SocifyrError {
  return new SocifyrError(message, { status: 0 });
}

/** "fetch failed (connect ECONNREFUSED 127.0.0.1:1)": the error and, as Node's fetch nests it, its cause. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause.message : undefined;
  return inner && inner !== cause.message ? `${cause.message} (${inner})` : cause.message;
}

/** Text with anything shaped like an API key cut down to its prefix, for messages that echo input. */
export function withoutKeys(text: string): string {
  return text.replace(/sk_[A-Za-z0-9]+/g, 'sk_…');
}
