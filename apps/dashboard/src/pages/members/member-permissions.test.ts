import { describe, expect, it } from 'vitest';
import type { Member, RoleKey } from '../../api/types';
import { assignableRoles, canChangeRole, canRemove } from './member-permissions';

const member = (userId: string, roleKey: RoleKey): Member => ({
  id: `mem_${userId}`,
  userId,
  email: `${userId}@example.com`,
  name: userId,
  roleKey,
  joinedAt: '2026-01-01T00:00:00.000Z',
});

describe('assignableRoles', () => {
  it.each<[RoleKey, RoleKey[]]>([
    ['OWNER', ['OWNER', 'ADMIN', 'EDITOR', 'CONTRIBUTOR']],
    ['ADMIN', ['ADMIN', 'EDITOR', 'CONTRIBUTOR']],
    ['EDITOR', []],
    ['CONTRIBUTOR', []],
  ])('%s may give %j', (role, roles) => {
    expect(assignableRoles(role)).toEqual(roles);
  });
});

describe('canChangeRole and canRemove', () => {
  // caller, target's role, may change the role, may remove
  it.each<[RoleKey, RoleKey, boolean, boolean]>([
    ['OWNER', 'OWNER', true, true],
    ['OWNER', 'CONTRIBUTOR', true, true],
    ['ADMIN', 'OWNER', false, false],
    ['ADMIN', 'ADMIN', true, true],
    ['ADMIN', 'EDITOR', true, true],
    ['EDITOR', 'CONTRIBUTOR', false, false],
    ['CONTRIBUTOR', 'EDITOR', false, false],
  ])('%s on a %s: change %s, remove %s', (caller, target, change, remove) => {
    const other = member('usr_other', target);
    expect(canChangeRole(caller, other)).toBe(change);
    expect(canRemove(caller, 'usr_me', other)).toBe(remove);
  });

  it('never offers to remove oneself (that is leaving)', () => {
    expect(canRemove('OWNER', 'usr_me', member('usr_me', 'OWNER'))).toBe(false);
    expect(canChangeRole('ADMIN', member('usr_me', 'ADMIN'))).toBe(true);
  });
});
