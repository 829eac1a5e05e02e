/**
 * Every authenticated route of API.md in one table, so shared suites (security, roles) run against all of
 * them and a new route cannot be forgotten: add it here and it inherits every check.
 * Not listed: /api/health, /api/openapi.json, signup and login (they take no credentials).
 */
import type { Permission } from '../auth/permissions.js';

/** The ids a route's path and body are built from; one fixture workspace holds all of them. */
export interface RouteFixture {
  workspaceId: string;
  /** A key of the workspace (not the one used to call). */
  keyId: string;
  /** A member of the workspace other than its OWNER (a CONTRIBUTOR). */
  memberUserId: string;
  /** A pending invitation of the workspace. */
  invitationId: string;
  connectionId: string;
  /** Slug of `connectionId`, for content bodies. */
  connectionSlug: string;
  /** A draft created by the OWNER. */
  postId: string;
  /** Token of a pending invitation, into another workspace, for the fixture OWNER's email. */
  invitationToken: string;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Where a route takes its workspace from: the path's `:id`; a resource id in the path (content);
 * the caller's workspace (the key's, or `X-Workspace-Id` / first workspace for a session); or none.
 */
export type WorkspaceScope = 'path' | 'resource' | 'caller' | 'none';

export interface RouteEntry {
  method: Method;
  /** The path as API.md writes it; used in test names. */
  pattern: string;
  path(fixture: RouteFixture): string;
  /** A valid body; absent when the route takes none. */
  body?(fixture: RouteFixture): unknown;
  /** Refuses API keys (403): people only. */
  sessionOnly: boolean;
  /**
   * The permission checked beyond being a member, or null. Deleting a key is null on purpose: a member
   * without `keys:manage-any` gets 404 for someone else's key (they are not told it exists), never 403.
   */
  permission: Permission | null;
  scope: WorkspaceScope;
  /** Status of a successful call. */
  okStatus: 200 | 201;
}

const ws = (f: RouteFixture) => `/api/workspaces/${f.workspaceId}`;

const route = (
  method: Method,
  pattern: string,
  path: (f: RouteFixture) => string,
  options: Partial<Omit<RouteEntry, 'method' | 'pattern' | 'path'>> = {},
): RouteEntry => ({
  method,
  pattern,
  path,
  sessionOnly: false,
  permission: null,
  scope: pattern.startsWith('/api/workspaces/:id') ? 'path' : 'none',
  okStatus: 200,
  ...options,
});

export const ROUTES: readonly RouteEntry[] = [
  // Accounts and sessions
  route('GET', '/api/auth/me', () => '/api/auth/me'),
  route('POST', '/api/auth/logout', () => '/api/auth/logout', { sessionOnly: true }),

  // Workspaces
  route('GET', '/api/workspaces', () => '/api/workspaces'),
  route('POST', '/api/workspaces', () => '/api/workspaces', {
    body: () => ({ name: 'Second workspace' }),
    sessionOnly: true,
    okStatus: 201,
  }),
  route('GET', '/api/workspaces/:id', ws),
  route('PATCH', '/api/workspaces/:id', ws, {
    body: () => ({ name: 'Renamed workspace' }),
    permission: 'workspace:rename',
  }),
  route('DELETE', '/api/workspaces/:id', ws, { sessionOnly: true, permission: 'workspace:delete' }),

  // Members and invitations
  route('GET', '/api/workspaces/:id/members', (f) => `${ws(f)}/members`),
  route('PATCH', '/api/workspaces/:id/members/:userId', (f) => `${ws(f)}/members/${f.memberUserId}`, {
    body: () => ({ roleKey: 'EDITOR' }),
    permission: 'members:manage',
  }),
  route('DELETE', '/api/workspaces/:id/members/:userId', (f) => `${ws(f)}/members/${f.memberUserId}`, {
    permission: 'members:manage',
  }),
  route('POST', '/api/workspaces/:id/invitations', (f) => `${ws(f)}/invitations`, {
    body: (f) => ({ email: `invitee.${f.workspaceId}@example.com`, roleKey: 'EDITOR' }),
    permission: 'members:manage',
    okStatus: 201,
  }),
  route('GET', '/api/workspaces/:id/invitations', (f) => `${ws(f)}/invitations`, {
    permission: 'members:manage',
  }),
  route(
    'DELETE',
    '/api/workspaces/:id/invitations/:invitationId',
    (f) => `${ws(f)}/invitations/${f.invitationId}`,
    { permission: 'members:manage' },
  ),
  route('POST', '/api/invitations/accept', () => '/api/invitations/accept', {
    body: (f) => ({ token: f.invitationToken }),
    sessionOnly: true,
    okStatus: 201,
  }),

  // API keys
  route('GET', '/api/workspaces/:id/api-keys', (f) => `${ws(f)}/api-keys`),
  route('POST', '/api/workspaces/:id/api-keys', (f) => `${ws(f)}/api-keys`, {
    body: () => ({ label: 'Security suite' }),
    permission: 'keys:create',
    okStatus: 201,
  }),
  route('DELETE', '/api/workspaces/:id/api-keys/:keyId', (f) => `${ws(f)}/api-keys/${f.keyId}`),

  // Connections
  route('GET', '/api/connections', () => '/api/connections', { scope: 'caller' }),
  route('GET', '/api/workspaces/:id/connections', (f) => `${ws(f)}/connections`),
  route('POST', '/api/workspaces/:id/connections', (f) => `${ws(f)}/connections`, {
    body: () => ({ platform: 'bluesky', handle: 'security-suite' }),
    permission: 'connections:manage',
    okStatus: 201,
  }),
  route(
    'DELETE',
    '/api/workspaces/:id/connections/:connectionId',
    (f) => `${ws(f)}/connections/${f.connectionId}`,
    { permission: 'connections:manage' },
  ),

  // Content
  route('GET', '/api/content', () => '/api/content', { scope: 'caller' }),
  route('POST', '/api/content/text', () => '/api/content/text', {
    body: (f) => ({ connections: [f.connectionSlug], text: 'Hello from the security suite' }),
    permission: 'content:create',
    scope: 'caller',
    okStatus: 201,
  }),
  route('GET', '/api/content/:postId', (f) => `/api/content/${f.postId}`, { scope: 'resource' }),
  route('PATCH', '/api/content/:postId', (f) => `/api/content/${f.postId}`, {
    body: () => ({ text: 'Edited by the security suite' }),
    permission: 'content:manage-any',
    scope: 'resource',
  }),
  route('POST', '/api/content/:postId/archive', (f) => `/api/content/${f.postId}/archive`, {
    permission: 'content:manage-any',
    scope: 'resource',
  }),
  route('DELETE', '/api/content/:postId', (f) => `/api/content/${f.postId}`, {
    permission: 'content:manage-any',
    scope: 'resource',
  }),
];

/** "PATCH /api/workspaces/:id" — how tests name a route. */
export const routeName = (entry: RouteEntry) => `${entry.method} ${entry.pattern}`;

/** True for methods the CSRF guard protects. */
export const isStateChanging = (entry: RouteEntry) => entry.method !== 'GET';
