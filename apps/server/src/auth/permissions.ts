/**
 * The role matrix of API.md, in one table. Routes and services ask `can(role, permission)`;
 * a refusal names the permission so the caller knows what is missing.
 */
import type { RoleKey } from '../db/tables.js';
import { AppError } from '../http/errors.js';

export const ROLE_KEYS = ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'] as const satisfies readonly RoleKey[];
/** Roles an invitation may grant (never OWNER). */
export const INVITABLE_ROLE_KEYS = ['ADMIN', 'EDITOR', 'CONTRIBUTOR'] as const satisfies readonly RoleKey[];

export const PERMISSIONS = {
  'workspace:read': { label: 'read the workspace', roles: ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'] },
  'content:create': { label: 'create content drafts', roles: ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'] },
  'content:manage-any': {
    label: 'edit, schedule, archive or delete any content',
    roles: ['OWNER', 'ADMIN', 'EDITOR'],
  },
  'connections:manage': { label: 'manage connections', roles: ['OWNER', 'ADMIN'] },
  'members:manage': { label: 'manage members and invitations', roles: ['OWNER', 'ADMIN'] },
  'workspace:rename': { label: 'rename the workspace', roles: ['OWNER', 'ADMIN'] },
  'owners:manage': { label: 'grant or remove OWNER', roles: ['OWNER'] },
  'workspace:delete': { label: 'delete the workspace', roles: ['OWNER'] },
  'keys:create': { label: 'create API keys', roles: ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR'] },
  'keys:manage-any': { label: 'list and delete every API key of the workspace', roles: ['OWNER', 'ADMIN'] },
} as const satisfies Record<string, { label: string; roles: readonly RoleKey[] }>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: RoleKey, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly RoleKey[]).includes(role);
}

export function permissionDenied(role: RoleKey, permission: Permission): AppError {
  return new AppError(
    'forbidden',
    `Your role ${role} does not have the permission "${permission}" (${PERMISSIONS[permission].label})`,
  );
}

/** Throws 403 naming the permission when `role` lacks it. */
export function assertCan(role: RoleKey, permission: Permission): void {
  if (!can(role, permission)) throw permissionDenied(role, permission);
}
