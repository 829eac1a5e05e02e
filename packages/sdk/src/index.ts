/**
 * @socifyr/sdk: the typed client for the Socifyr API.
 *
 * @example
 * import { Socifyr, SocifyrError } from '@socifyr/sdk';
 *
 * const socifyr = new Socifyr({
 *   apiKey: process.env.SOCIFYR_API_KEY!,
 *   workspaceId: process.env.SOCIFYR_WORKSPACE_ID!,
 * })
 * const keys = await socifyr.workspaces.listApiKeys(socifyr.workspaceId!)
 */
export {
  DEFAULT_API_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  Socifyr,
  type SocifyrOptions,
} from './client.js';
export type { RequestOptions } from './core/request.js';
export { SocifyrError, type SocifyrErrorOptions } from './errors.js';
export { Auth } from './resources/auth.js';
export { Connections } from './resources/connections.js';
export { Content } from './resources/content.js';
export { Workspaces } from './resources/workspaces.js';
export type * from './types.js';

/** The version of this package. */
export const SDK_VERSION = '0.1.0';
