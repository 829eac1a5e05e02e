/**
 * The role table of API.md, in one place. The server decides; the dashboard only hides what a role cannot do.
 * Permission names match the ones the server names in its 403 messages.
 */
import type { RoleKey } from '../api/types';

const ALL: readonly RoleKey[] = ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'];

export const PERMISSIONS = {
  /** Read the workspace, its members, connections, content. */
  'workspace:read': ALL,
  /** Create content drafts. */
  'content:create': ALL,
  /** Edit, schedule, archive, delete any content (CONTRIBUTOR: own drafts only, no scheduling). */
  'content:manage-any': ['OWNER', 'ADMIN', 'EDITOR'],
  /** Schedule a post (set `scheduledAt`). */
  'content:schedule': ['OWNER', 'ADMIN', 'EDITOR'],
  /** Add and remove connections. */
  'connections:manage': ['OWNER', 'ADMIN'],
  /** Change roles, remove members, invite, cancel invitations. */
  'members:manage': ['OWNER', 'ADMIN'],
  /** Rename the workspace. */
  'workspace:rename': ['OWNER', 'ADMIN'],
  /** Grant or remove OWNER. */
  'owners:manage': ['OWNER'],
  /** Delete the workspace. */
  'workspace:delete': ['OWNER'],
  /** Create API keys (acting as oneself), list and delete one's own. */
  'keys:create': ALL,
  /** List and delete every key of the workspace. */
  'keys:manage-any': ['OWNER', 'ADMIN'],
} as const satisfies Record<string, readonly RoleKey[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether `role` has `permission` (false for no role). */
export function roleCan(role: RoleKey | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly RoleKey[]).includes(role);
}

/** Words for a role, for people: `OWNER` → `Owner`. */
export function roleLabel(role: RoleKey | null | undefined): string {
  if (!role) return '—';
  return role.charAt(0) + role.slice(1).toLowerCase();
}
