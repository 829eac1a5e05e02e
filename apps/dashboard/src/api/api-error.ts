/**
 * Every failed API call becomes an ApiError: the HTTP status (0 when the server could not be reached), the
 * API's message(s) as people should read them, and the request path.
 */
export class ApiError extends Error {
  /** HTTP status; 0 for a network failure (server down, offline). */
  readonly status: number;
  /** Every message the API gave: one for most errors, one per problem for a validation failure (400). */
  readonly messages: readonly string[];
  /** The API path that failed, e.g. `/api/workspaces/ws_…/api-keys`. */
  readonly path: string;

  constructor(status: number, messages: readonly string[], path: string) {
    super(messages.join(', ') || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.messages = messages.length > 0 ? messages : [this.message];
    this.path = path;
  }
}

/** True for an ApiError with the given status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A readable sentence for anything a request may throw. */
export function errorMessages(error: unknown): readonly string[] {
  if (error instanceof ApiError) return error.messages;
  if (error instanceof Error && error.message) return [error.message];
  return ['Something went wrong. Try again.'];
}
