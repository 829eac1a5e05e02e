/** `socifyr.connections`: the social accounts of the client's workspace. */
import type { RequestOptions } from '../core/request.js';
import { ApiResource } from '../core/resource.js';
import type { Connection } from '../types.js';

/** Connections of the workspace the key belongs to. To add or remove one, see `socifyr.workspaces`. */
export class Connections extends ApiResource {
  /**
   * Every connection of the key's workspace; a post names them by `slug`.
   *
   * @example const slugs = (await socifyr.connections.list()).map((c) => c.slug); // ['x-brand', …]
   */
  async list(options?: RequestOptions): Promise<Connection[]> {
    return this.core.request({ method: 'GET', path: '/connections', signal: options?.signal });
  }
}
