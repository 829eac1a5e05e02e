/** Role choices for a select: "Admin", "Editor"… in the API's order. */
import type { RoleKey } from '../../api/types';
import { roleLabel } from '../../session/permissions';

export function roleOptions(roles: readonly RoleKey[]) {
  return roles.map((role) => ({ value: role, label: roleLabel(role) }));
}
