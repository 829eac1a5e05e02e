/** `socifyr.auth`: who the client is calling as. */
import type { RequestOptions } from '../core/request.js';
import { ApiResource } from '../core/resource.js';
import type { Me } from '../types.js';

/** The caller's identity. Signing up and in are for people (the dashboard), not for keys. */
export class Auth extends ApiResource {
  /**
   * The key's creator, the key's workspace, and the key itself (id, label, hint, the role it acts with).
   * A cheap way to check that a key works.
   *
   * @example
   * const { user, apiKey } = await socifyr.auth.me();
   * console.log(`${apiKey?.label} acts as ${user.email} with role ${apiKey?.roleKey}`);
   */
  async me(options?: RequestOptions): Promise<Me> {
    return this.core.request({ method: 'GET', path: '/auth/me', signal: options?.signal });
  }
}
