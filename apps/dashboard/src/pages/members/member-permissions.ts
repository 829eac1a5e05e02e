/**
 * What the signed-in person may do to a member, from the one permission table: ADMIN+ change roles and remove
 * members; granting OWNER or touching an OWNER needs OWNER; anyone may leave. The server decides in the end
 * (e.g. it keeps the last OWNER); these only decide which buttons to show.
 */
import { INVITABLE_ROLE_KEYS, type Member, ROLE_KEYS, type RoleKey } from '../../api/types';
import { roleCan } from '../../session/permissions';

/** Roles `callerRole` may give a member: every role for an OWNER, all but OWNER for an ADMIN, none otherwise. */
export function assignableRoles(callerRole: RoleKey): readonly RoleKey[] {
  if (!roleCan(callerRole, 'members:manage')) return [];
  return roleCan(callerRole, 'owners:manage') ? ROLE_KEYS : INVITABLE_ROLE_KEYS;
}

/** Whether `callerRole` may change `target`'s role (their own included). */
export function canChangeRole(callerRole: RoleKey, target: Pick<Member, 'roleKey'>): boolean {
  if (!roleCan(callerRole, 'members:manage')) return false;
  return target.roleKey !== 'OWNER' || roleCan(callerRole, 'owners:manage');
}

/** Whether `callerRole` may remove `target`, someone else (leaving is `Leave workspace`). */
export function canRemove(callerRole: RoleKey, callerUserId: string, target: Member): boolean {
  if (target.userId === callerUserId) return false;
  return canChangeRole(callerRole, target);
}

/** What each role may do, in a sentence, for the role pickers. */
export const ROLE_DESCRIPTIONS: Readonly<Record<RoleKey, string>> = {
  OWNER: 'Everything an admin can do, plus granting or removing Owner and deleting the workspace.',
  ADMIN: 'Manages members, invitations, connections and every API key; renames the workspace.',
  EDITOR: 'Creates, schedules, archives and deletes any content; sees only their own API keys.',
  CONTRIBUTOR: 'Writes drafts and changes only their own drafts; cannot schedule.',
};
