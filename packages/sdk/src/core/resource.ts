/** What every resource class shares: the request core it sends its calls through, and safe path segments. */
import { SocifyrError, withoutKeys } from '../errors.js';
import type { RequestCore } from './request.js';

/** Base of the resource classes (`socifyr.workspaces`, `socifyr.content`, …). */
export abstract class ApiResource {
  /** @param core the client's one request core */
  constructor(protected readonly core: RequestCore) {}
}

/**
 * A path segment from an id, encoded so that no id can change which route is called: an empty id or a
 * dot segment (which URLs resolve away) is refused before any request, with status 0.
 *
 * @example segment('post_0193') // 'post_0193'
 */
export function segment(id: string): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
    throw new SocifyrError(
      `Expected an id such as "ws_…" or "post_…", got ${withoutKeys(JSON.stringify(id) ?? String(id))}`,
      { status: 0 },
    );
  }
  return encodeURIComponent(id);
}
